using System;

namespace Retention.Nps;

/// <summary>How the responder takes part in a rescue.</summary>
public enum ResponderInvolvement
{
    /// <summary>Carries out the rescue.</summary>
    Executing = 0,

    /// <summary>Supervises someone who carries it out.</summary>
    Supervising = 1,

    /// <summary>Handles the case personally.</summary>
    Personally = 2,
}

/// <summary>The detractor grades (spec: nps.md section 4).</summary>
public sealed class DetractorGradeOptions
{
    /// <summary>Highest score that is grade S on its own. The default value is 3 (scores 0-3).</summary>
    public int SUpTo { get; set; } = 3;

    /// <summary>Highest score that is grade A on its own, above <see cref="SUpTo"/>. The default value is 5 (scores 4-5).</summary>
    public int AUpTo { get; set; } = 5;

    /// <summary>Grade S. The default value is: within 2 hours, ServiceManager personally, authority up to 5000, approval above it by the StoreManager.</summary>
    public GradeProfileOptions S { get; set; } = GradeProfileOptions.Of(TimeSpan.FromHours(2), StaffRole.ServiceManager, ResponderInvolvement.Personally, 5000m, StaffRole.StoreManager);

    /// <summary>Grade A. The default value is: within 6 hours, ServiceManager supervising, authority up to 2000, approval above it by the StoreManager.</summary>
    public GradeProfileOptions A { get; set; } = GradeProfileOptions.Of(TimeSpan.FromHours(6), StaffRole.ServiceManager, ResponderInvolvement.Supervising, 2000m, StaffRole.StoreManager);

    /// <summary>Grade B. The default value is: within 24 hours, ServiceAdvisor executing, authority up to 500, approval above it by the CustomerServiceSupervisor (the next role, nps.md section 5).</summary>
    public GradeProfileOptions B { get; set; } = GradeProfileOptions.Of(TimeSpan.FromHours(24), StaffRole.ServiceAdvisor, ResponderInvolvement.Executing, 500m, StaffRole.CustomerServiceSupervisor);
}

/// <summary>One detractor grade's response window, responder and compensation authority.</summary>
public sealed class GradeProfileOptions
{
    /// <summary>How soon the responder must respond (wall-clock), greater than zero.</summary>
    public TimeSpan RespondWithin { get; set; }

    /// <summary>Who responds.</summary>
    public StaffRole Responder { get; set; }

    /// <summary>How the responder takes part.</summary>
    public ResponderInvolvement Involvement { get; set; }

    /// <summary>The most the responder may grant without approval, at least 0.</summary>
    public decimal CompensationAuthority { get; set; }

    /// <summary>Who approves a plan worth more than <see cref="CompensationAuthority"/>: the next role, more senior than <see cref="Responder"/>.</summary>
    public StaffRole Approver { get; set; }

    internal static GradeProfileOptions Of(TimeSpan within, StaffRole responder, ResponderInvolvement involvement, decimal authority, StaffRole approver) =>
        new() { RespondWithin = within, Responder = responder, Involvement = involvement, CompensationAuthority = authority, Approver = approver };
}
