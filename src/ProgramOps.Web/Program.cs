using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Features.Actions;
using ProgramOps.Web.Features.Admin;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Demo;
using ProgramOps.Web.Features.Events;
using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Interviews;
using ProgramOps.Web.Features.Initiatives;
using ProgramOps.Web.Features.Issues;
using ProgramOps.Web.Features.Health;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Features.Portal;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Features.Revenue;
using ProgramOps.Web.Features.Supplies;
using ProgramOps.Web.Features.Teams;
using ProgramOps.Web.Infrastructure.Jobs;
using ProgramOps.Web.Infrastructure.Localization;

var start = StartOptions.Parse(args);
var builder = WebApplication.CreateBuilder(WebExtensions.WithSettingsReadOnce(start.HostArguments));
builder.UseProgramOpsHosting();
builder.Services
    .AddProgramOpsData(builder.Configuration, builder.Environment)
    .AddProgramOpsSecurity()
    .AddProgramOpsLocalization()
    .AddProgramOpsWeb(builder.Configuration)
    .AddAccount(builder.Configuration)
    .AddClients()
    .AddPrograms()
    .AddCohorts()
    .AddParticipants()
    .AddTeams()
    .AddSupplies()
    .AddActions()
    .AddEvents()
    .AddFeedback()
    .AddOutcomes()
    .AddRevenue(builder.Configuration)
    .AddHealth()
    .AddPortal()
    .AddFunnel()
    .AddInterviews()
    .AddIssues()
    .AddInitiatives()
    .AddAdmin()
    .AddDemo()
    .AddProgramOpsJobs(builder.Configuration);

var app = builder.Build();
if (!await app.PrepareAsync(start)) return;

app.UseProgramOpsPipeline();
app.MapProgramOpsEndpoints();
app.MapEvents();
app.Run();

/// <summary>The entry point, public so integration tests can host the real pipeline.</summary>
public partial class Program;
