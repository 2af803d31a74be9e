namespace Retention.Workflows;

/// <summary>Role names in both locales, for reasons and diagrams.</summary>
internal static class RoleNames
{
    public static LocalizedText Of(StaffRole role) => role switch
    {
        StaffRole.ServiceAdvisor => new("服务顾问", "service advisor"),
        StaffRole.CustomerServiceSupervisor => new("客服主管", "customer service supervisor"),
        StaffRole.ServiceManager => new("服务经理", "service manager"),
        StaffRole.StoreManager => new("店长", "store manager"),
        StaffRole.GeneralManager => new("总经理", "general manager"),
        StaffRole.RegionalManager => new("区域经理", "regional manager"),
        _ => new(role.ToString(), role.ToString()),
    };
}
