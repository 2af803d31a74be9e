// The base packages each define their own StaffRole (same names and values); Workflows speaks Scoring's.
global using ContactChannel = Retention.Contact.ContactChannel;
global using ContactPurpose = Retention.Contact.ContactPurpose;
global using DetractorGrade = Retention.Nps.DetractorGrade;
global using RiskTier = Retention.Scoring.RiskTier;
global using StaffRole = Retention.Scoring.StaffRole;
