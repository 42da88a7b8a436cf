namespace ProgramOps.Web.Features.Outcomes;

/// <summary>A client's report settings: k, and the ROI cost inputs. A client without a row has the defaults.</summary>
public sealed class ReportSettings
{
    public const int MaxK = 50;

    public int K { get; set; } = SuppressionThreshold.Default;
    public int MedicalCostPerSmokerYearJpy { get; set; } = RoiAssumptions.Default.MedicalCostPerSmokerYearJpy;
    public int LostProductivityPerSmokerYearJpy { get; set; } = RoiAssumptions.Default.LostProductivityPerSmokerYearJpy;
    /// <summary>0 while the client still has the defaults (no row yet).</summary>
    public int Version { get; set; }

    public RoiAssumptions Assumptions => new(MedicalCostPerSmokerYearJpy, LostProductivityPerSmokerYearJpy);
}

public sealed class ReportSettingsValidator : FormValidator<ReportSettings>
{
    public ReportSettingsValidator(IStringLocalizer<OutcomesText> text) : base(text, "Settings.")
    {
        RuleFor(s => s.K).InclusiveBetween(SuppressionThreshold.Minimum, ReportSettings.MaxK)
            .WithMessage(_ => text["Validation.K", SuppressionThreshold.Minimum, ReportSettings.MaxK]);
        RuleFor(s => s.MedicalCostPerSmokerYearJpy).InclusiveBetween(0, 10_000_000).WithMessage(_ => text["Validation.Yen"]).WithName(text["Settings.Medical"]);
        RuleFor(s => s.LostProductivityPerSmokerYearJpy).InclusiveBetween(0, 10_000_000).WithMessage(_ => text["Validation.Yen"])
            .WithName(text["Settings.Productivity"]);
    }
}
