using System;

namespace Retention.Nps;

/// <summary>Helpers over <see cref="StaffRole"/>'s seniority order.</summary>
public static class StaffRoles
{
    /// <summary>The role one step up in seniority, or <see langword="null"/> above <see cref="StaffRole.RegionalManager"/>.</summary>
    /// <param name="role">A role.</param>
    /// <returns>The next more senior role, or <see langword="null"/> at the top.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is not a defined value.</exception>
    public static StaffRole? OneUp(StaffRole role)
    {
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown staff role.");
        }

        return role == StaffRole.RegionalManager ? null : role + 1;
    }
}
