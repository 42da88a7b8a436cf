namespace ProgramOps.Web.Features.Clients.Activity;

/// <summary>Admin sets, per segment, after how many days without a touch a high-touch client is warned about.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class TouchSettingsModel(Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<ClientsText> text) : PageModel
{
    public sealed record SettingInput
    {
        public ClientSegment Segment { get; init; }
        public int NoTouchDays { get; init; }
        public int Version { get; init; }
    }

    [BindProperty] public List<SettingInput> Input { get; set; } = [];

    public IReadOnlyList<TouchSetting> Settings { get; private set; } = [];
    public ConcurrencyConflict? Conflict { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = [.. Settings.Select(s => new SettingInput { Segment = s.Segment, NoTouchDays = s.NoTouchDays, Version = s.Version })];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        for (var i = 0; i < Input.Count; i++)
        {
            if (Input[i].NoTouchDays is < 1 or > 365) ModelState.AddModelError($"Input[{i}].NoTouchDays", text["TouchSettings.DaysRange", T(Input[i].Segment)]);
            if (Settings.All(s => s.Segment != Input[i].Segment)) ModelState.AddModelError(string.Empty, text["Validation.ChooseOne"]);
        }

        if (!ModelState.IsValid) return Page();

        var saved = await db.InTransactionAsync(async (c, t) =>
        {
            foreach (var input in Input)
            {
                var before = Settings.Single(s => s.Segment == input.Segment);
                if (before.NoTouchDays == input.NoTouchDays && before.Version == input.Version) continue;
                var rows = await c.ExecuteAsync(ClientActivitySql.UpdateTouchSetting, new
                {
                    Segment = input.Segment.ToString(), input.NoTouchDays, input.Version, Now = time.GetUtcNow(), Actor = user.UserName,
                }, t);
                if (rows == 0) return false;
                await audit.RecordAsync(c, t, new AuditEntry("TouchSetting", input.Segment.ToString(), "Updated", input.Segment.ToString(),
                    ChangeSet.Between(new { before.NoTouchDays }, new { input.NoTouchDays })));
            }

            return true;
        }, ct);

        if (!saved)
        {
            await LoadAsync(ct);
            var latest = Settings.MaxBy(s => s.UpdatedAt)!;
            Conflict = new ConcurrencyConflict { UpdatedBy = latest.UpdatedBy, UpdatedAt = latest.UpdatedAt };
            return Page();
        }

        TempData["Flash"] = text["TouchSettings.Saved"].Value;
        return RedirectToPage();
    }

    private string T(ClientSegment segment) => text[$"Segment.{segment}"].Value;

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        Settings = await ClientTouches.SettingsAsync(connection, null, ct);
    }
}
