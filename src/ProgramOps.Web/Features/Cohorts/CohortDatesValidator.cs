namespace ProgramOps.Web.Features.Cohorts;

/// <summary>A cohort's enrolment window and start day as a form gives them (any may be missing).</summary>
public interface ICohortDates
{
    DateOnly? EnrolmentOpens { get; }
    DateOnly? EnrolmentCloses { get; }
    DateOnly? StartDate { get; }
}

/// <summary>The window opens, then closes, then the cohort starts: the same rules when planning and when editing.</summary>
public sealed class CohortDatesValidator : FormValidator<ICohortDates>
{
    public CohortDatesValidator(IStringLocalizer<CohortsText> text) : base(text)
    {
        RuleFor(c => c.EnrolmentOpens).NotNull().WithMessage(_ => text["Validation.DateRequired"]);
        RuleFor(c => c.EnrolmentCloses).NotNull().WithMessage(_ => text["Validation.DateRequired"]);
        RuleFor(c => c.StartDate).NotNull().WithMessage(_ => text["Validation.DateRequired"]);
        RuleFor(c => c.EnrolmentCloses).GreaterThanOrEqualTo(c => c.EnrolmentOpens).WithMessage(_ => text["Validation.WindowOrder"])
            .When(c => c.EnrolmentOpens is not null && c.EnrolmentCloses is not null);
        RuleFor(c => c.StartDate).GreaterThanOrEqualTo(c => c.EnrolmentCloses).WithMessage(_ => text["Validation.StartAfterWindow"])
            .When(c => c.EnrolmentCloses is not null && c.StartDate is not null);
    }
}
