namespace ProgramOps.Web.Features.Initiatives;

/// <summary>What the plan's form fields show: the plan, the staff who may own it, and whether its state can be changed (not at creation).</summary>
public sealed record PlanFields(InitiativePlan Plan, IReadOnlyList<NamedId> Owners, bool ShowState);
