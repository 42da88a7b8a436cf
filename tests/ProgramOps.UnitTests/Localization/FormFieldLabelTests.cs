using System.Globalization;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Features.Admin;
using ProgramOps.Web.Features.Admin.Users;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.Activity;
using ProgramOps.Web.Features.Clients.Contracts;
using ProgramOps.Web.Features.Clients.KeyPersons;
using ProgramOps.Web.Features.Clients.Plans;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Features.Portal;
using ProgramOps.Web.Features.Supplies;

namespace ProgramOps.UnitTests.Localization;

/// <summary>Every rule of every form's validator names its field from the feature's resources, in both languages.</summary>
public sealed class FormFieldLabelTests
{
    private static readonly ResourceManagerStringLocalizerFactory Factory =
        new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    private static IStringLocalizer<TText> Text<TText>() => new StringLocalizer<TText>(Factory);

    private static IEnumerable<IValidator> FormValidators()
    {
        var today = new DateOnly(2026, 6, 1);
        yield return new ClientInputValidator(Text<ClientsText>());
        yield return new ContractInputValidator(Text<ClientsText>());
        yield return new KeyPersonInputValidator(Text<ClientsText>());
        yield return new AccountPlanInputValidator(Text<ClientsText>(), []);
        yield return new ActivityInputValidator(Text<ClientsText>(), today, []);
        yield return new ProgramOps.Web.Features.Cohorts.CreateModel.Validator(Text<CohortsText>());
        yield return new ProgramOps.Web.Features.Cohorts.EditModel.Validator(Text<CohortsText>());
        yield return new CohortDatesValidator(Text<CohortsText>());
        yield return new FeedbackInputValidator(Text<FeedbackText>());
        yield return new ProgramOps.Web.Features.Feedback.DetailsModel.OverrideValidator(Text<FeedbackText>(), Destination.BaseProduct);
        yield return new UserInputValidator(Text<AdminText>());
        yield return new ProgramOps.Web.Features.Admin.Users.CreateModel.Validator(Text<AdminText>(), Text<AccountText>());
        yield return new ProgramOps.Web.Features.Supplies.ShipmentModel.Validator(Text<SuppliesText>(), today);
        yield return new ProgramOps.Web.Features.Portal.Users.IndexModel.Validator(Text<PortalText>());
        yield return new ProgramOps.Web.Features.Participants.DetailsModel.Validator(Text<ProgramOps.Web.Features.Participants.ParticipantsText>());
        yield return new ProgramOps.Web.Features.Events.ApiKeys.IndexModel.Validator(Text<ProgramOps.Web.Features.Events.EventsText>());
        yield return new ProgramOps.Web.Features.Outcomes.ReportSettingsValidator(Text<ProgramOps.Web.Features.Outcomes.OutcomesText>());
        yield return new ProgramOps.Web.Features.Teams.TeamModel.Validator(Text<ProgramOps.Web.Features.Teams.TeamsText>());
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void Every_rule_of_every_form_names_its_field_from_resources(string culture)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);

        foreach (var validator in FormValidators())
        {
            // A rule that only hands its value to a nested validator shows no message of its own.
            foreach (var rule in ((IEnumerable<IValidationRule>)validator).Where(r => r.Components.Any(c => c.Validator is not IChildValidatorAdaptor)))
            {
                var label = rule.GetDisplayName(null!);
                Assert.False(string.IsNullOrWhiteSpace(label), $"{validator.GetType().FullName}.{rule.PropertyName}");
                Assert.DoesNotMatch(@"^\w+\.\w+$", label);
            }
        }
    }
}
