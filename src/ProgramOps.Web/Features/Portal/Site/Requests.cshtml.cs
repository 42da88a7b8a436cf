using ProgramOps.Web.Features.Feedback;

namespace ProgramOps.Web.Features.Portal.Site;

/// <summary>The client's requests: a form that files one (routed like any other feedback, from the client) and their status.</summary>
public sealed class RequestsModel(ClientRequests requests, PortalScope scope, IStringLocalizer<PortalText> text, IStringLocalizer<FeedbackText> feedbackText) : PageModel
{
    public sealed record Command
    {
        public string Title { get; init; } = "";
        public string Description { get; init; } = "";
    }

    [BindProperty] public Command Input { get; set; } = new();
    [BindProperty] public Guid SubmissionToken { get; set; }

    public IReadOnlyList<ClientRequest> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        SubmissionToken = Guid.NewGuid();
        Requests = await requests.OfClientAsync(scope.ClientId, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input = Input with { Title = (Input.Title ?? "").Trim(), Description = (Input.Description ?? "").Trim() };
        // The rules of every feedback item's title and description (the fields keep their names).
        var asFeedback = new FeedbackInput { Title = Input.Title, Description = Input.Description, AffectedCount = 0 };
        ModelState.AddFailures(await new FeedbackInputValidator(feedbackText).ValidateAsync(asFeedback, ct), nameof(Input));
        if (!ModelState.IsValid)
        {
            Requests = await requests.OfClientAsync(scope.ClientId, ct);
            return Page();
        }

        await requests.FileAsync(scope.ClientId, Input.Title, Input.Description, SubmissionToken, ct);
        TempData["Flash"] = text["Requests.Filed"].Value;
        return Redirect("/portal/requests");
    }
}
