namespace Retention.Nps;

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

/// <summary>Display names of <see cref="StaffRole"/> in zh-CN and en.</summary>
public static class StaffRoleExtensions
{
    /// <summary>The role's name as staff say it: <c>店长</c> / <c>store manager</c>.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The name in both locales.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="role"/> is not a defined role.</exception>
    public static LocalizedText DisplayName(this StaffRole role) => role switch
    {
        StaffRole.ServiceAdvisor => new("服务顾问", "service advisor"),
        StaffRole.CustomerServiceSupervisor => new("客服主管", "customer service supervisor"),
        StaffRole.ServiceManager => new("服务经理", "service manager"),
        StaffRole.StoreManager => new("店长", "store manager"),
        StaffRole.GeneralManager => new("总经理", "general manager"),
        StaffRole.RegionalManager => new("区域经理", "regional manager"),
        _ => throw new System.ArgumentOutOfRangeException(nameof(role), role, "not a defined staff role"),
    };
}

