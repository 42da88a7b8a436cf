using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Clients.Contracts;

public sealed record ContractInput
{
    public const int MaxSeats = 1_000_000;
    public const int MaxPricePerSeatJpy = 10_000_000;
    public const int MaxEligiblePopulation = 10_000_000;

    /// <summary>The program the contract is for; required (contracts from before the reference may lack it until someone chooses).</summary>
    public int? ProgramId { get; init; }
    /// <summary>The program's name when the contract was saved, or the free text an older contract was written with.</summary>
    public string ProgramName { get; init; } = "";
    public int Seats { get; init; }
    public int PricePerSeatJpy { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public bool AutoRenew { get; init; }
    public ContractStatus Status { get; init; } = ContractStatus.Draft;

    /// <summary>対象者数: the people the client could enrol (its smokers or members), for the report's participation rate.</summary>
    public int? EligiblePopulation { get; init; }
    /// <summary>The date the client gave the eligible population.</summary>
    public DateOnly? EligiblePopulationAsOf { get; init; }

    /// <summary>Pay-for-results terms: a fee per ITT success, per CO-verified success, per participant who completes.</summary>
    public int? FeePerIttSuccessJpy { get; init; }
    public int? FeePerVerifiedSuccessJpy { get; init; }
    public int? FeePerCompleterJpy { get; init; }

    public static ContractInput From(ContractRow row) => new()
    {
        ProgramId = row.ProgramId, ProgramName = row.ProgramName, Seats = row.Seats, PricePerSeatJpy = row.PricePerSeatJpy,
        StartDate = row.StartDate, EndDate = row.EndDate, AutoRenew = row.AutoRenew, Status = row.Status,
        EligiblePopulation = row.EligiblePopulation, EligiblePopulationAsOf = row.EligiblePopulationAsOf,
        FeePerIttSuccessJpy = row.FeePerIttSuccessJpy, FeePerVerifiedSuccessJpy = row.FeePerVerifiedSuccessJpy, FeePerCompleterJpy = row.FeePerCompleterJpy,
    };

    public ContractInput Normalized() => this with { ProgramName = JapaneseText.Normalize(ProgramName) };

    public object ToParameters(int clientId, DateTimeOffset now, string actor, int id = 0, int version = 0) => new
    {
        Id = id, ClientId = clientId, Version = version, ProgramId, ProgramName, Seats, PricePerSeatJpy,
        StartDate = StartDate!.Value, EndDate = EndDate!.Value, AutoRenew, Status = Status.ToString(),
        EligiblePopulation, EligiblePopulationAsOf, FeePerIttSuccessJpy, FeePerVerifiedSuccessJpy, FeePerCompleterJpy, Now = now, Actor = actor,
    };
}

public sealed class ContractInputValidator : FormValidator<ContractInput>
{
    public ContractInputValidator(IStringLocalizer<ClientsText> text) : base(text, "Contract.")
    {
        RuleFor(c => c.ProgramId).NotNull().WithMessage(_ => text["Validation.ProgramRequired"]).WithName(text["Contract.Program"]);
        RuleFor(c => c.ProgramName).MaximumLength(200).WithMessage(_ => text["Validation.TooLong", 200]).WithName(text["Contract.Program"]);
        RuleFor(c => c.Seats).InclusiveBetween(1, ContractInput.MaxSeats)
            .WithMessage(_ => text["Validation.SeatsRange", ContractInput.MaxSeats.ToString("N0")]);
        RuleFor(c => c.PricePerSeatJpy).InclusiveBetween(0, ContractInput.MaxPricePerSeatJpy)
            .WithMessage(_ => text["Validation.PriceRange", ContractInput.MaxPricePerSeatJpy.ToString("N0")]).WithName(text["Contract.PricePerSeat"]);
        RuleFor(c => c.StartDate).NotNull().WithMessage(_ => text["Validation.DateRequired"]).WithName(text["Contract.Start"]);
        RuleFor(c => c.EndDate).NotNull().WithMessage(_ => text["Validation.DateRequired"]).WithName(text["Contract.End"]);
        RuleFor(c => c.EndDate).GreaterThanOrEqualTo(c => c.StartDate).WithMessage(_ => text["Validation.EndBeforeStart"])
            .When(c => c.StartDate is not null && c.EndDate is not null).WithName(text["Contract.End"]);
        RuleFor(c => c.Status).IsInEnum().WithMessage(_ => text["Validation.ChooseOne"]);
        RuleFor(c => c.EligiblePopulation).InclusiveBetween(1, ContractInput.MaxEligiblePopulation)
            .WithMessage(_ => text["Validation.EligibleRange", ContractInput.MaxEligiblePopulation.ToString("N0")]);
        RuleFor(c => c.EligiblePopulationAsOf).NotNull().WithMessage(_ => text["Validation.EligibleAsOfRequired"]).When(c => c.EligiblePopulation is not null)
            .WithName(text["Contract.EligibleAsOf"]);
        RuleFor(c => c.EligiblePopulation).NotNull().WithMessage(_ => text["Validation.EligibleRequiredWithDate"]).When(c => c.EligiblePopulationAsOf is not null);
        foreach (var (fee, label) in new (System.Linq.Expressions.Expression<Func<ContractInput, int?>>, string)[]
                 {
                     (c => c.FeePerIttSuccessJpy, "Contract.FeePerIttSuccess"),
                     (c => c.FeePerVerifiedSuccessJpy, "Contract.FeePerVerifiedSuccess"),
                     (c => c.FeePerCompleterJpy, "Contract.FeePerCompleter"),
                 })
        {
            RuleFor(fee).InclusiveBetween(0, ContractInput.MaxPricePerSeatJpy)
                .WithMessage(_ => text["Validation.FeeRange", ContractInput.MaxPricePerSeatJpy.ToString("N0")]).WithName(text[label]);
        }
    }
}
