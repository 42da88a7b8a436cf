namespace ProgramOps.Web.Features.Outcomes;

public static class OutcomesServiceExtensions
{
    public static IServiceCollection AddOutcomes(this IServiceCollection services) =>
        services
            .AddScoped<OutcomeReports>()
            .AddScoped<Portfolio>()
            .AddScoped<VersionOutcomes>()
            .AddScoped<PortfolioCsv>()
            .AddScoped<ReportRenderer>()
            .AddScoped<ReportIssuing>()
            .AddSingleton<PdfPrinter>()
            .AddScoped<IssuedReportDocuments>()
            .AddScoped<DraftDifferencing>()
            .AuthorizePageFolder("/Outcomes", Policies.ReadReports);
}
