namespace Retention.Contact;

/// <summary>
/// Store roles, ordered by seniority (a larger value is more senior). Escalation goes one step up.
/// </summary>
public enum StaffRole
{
    /// <summary>Service advisor (SA): the customer's day-to-day contact.</summary>
    ServiceAdvisor = 0,

    /// <summary>Customer service supervisor.</summary>
    CustomerServiceSupervisor = 1,

    /// <summary>Service manager (aftersales manager).</summary>
    ServiceManager = 2,

    /// <summary>Store manager.</summary>
    StoreManager = 3,

    /// <summary>General manager or director of the store.</summary>
    GeneralManager = 4,

    /// <summary>Regional manager above the store.</summary>
    RegionalManager = 5,
}
