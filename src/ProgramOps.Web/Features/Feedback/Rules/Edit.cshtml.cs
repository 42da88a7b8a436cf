using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Feedback.Rules;

/// <summary>Creates or edits one routing rule; a rule that would not work is refused field by field.</summary>
public sealed class EditModel(Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, FeedbackRouting routing, IStringLocalizer<FeedbackText> text) : PageModel
{
    [BindProperty] public RuleForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public int? RuleId { get; private set; }
    public FeedbackChoices Choices { get; private set; } = new([], [], []);
    public ConcurrencyConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        Choices = await FeedbackChoices.LoadAsync(connection, ct);
        RuleId = id;
        if (id is null)
        {
            Input = new RuleForm { Position = await connection.ExecuteScalarAsync<int>(new CommandDefinition(RoutingRulesSql.Count, cancellationToken: ct)) + 1 };
            return Page();
        }

        var row = await FindAsync(connection, id.Value, ct);
        if (row is null) return NotFound();
        Input = RuleForm.From(row);
        Version = row.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        RuleId = id;
        await using (var connection = await db.OpenAsync(ct))
        {
            Choices = await FeedbackChoices.LoadAsync(connection, ct);
        }

        var rule = Input.ToRule(id ?? 0);
        ModelState.AddFailures(await new RoutingRuleValidator(text, Choices.Programs.Select(p => p.Name).ToList()).ValidateAsync(rule, ct), nameof(Input));
        if (Input.Position < 1) ModelState.AddModelError($"{nameof(Input)}.{nameof(RuleForm.Position)}", text["Rule.PositionRange"]);
        if (!ModelState.IsValid) return Page();

        var after = StoredRule.Of(rule, Input.Position);
        var parameters = new
        {
            Id = id, Version, after.Position, after.Name, after.NameJa, after.Destination, after.Weight, after.Conditions, after.IsEnabled,
            Now = time.GetUtcNow(), Actor = user.UserName,
        };
        var savedId = await db.InTransactionAsync(async (c, t) =>
        {
            if (id is null)
            {
                var newId = await c.ExecuteScalarAsync<int>(RoutingRulesSql.Insert + db.Dialect.SelectNewId, parameters, t);
                await audit.RecordAsync(c, t, new AuditEntry("RoutingRule", newId.ToString(), "Created", Summary(after), ChangeSet.Between(null, after)));
                return newId;
            }

            var before = await c.QuerySingleOrDefaultAsync<RoutingRuleRow>(RoutingRulesSql.Find, new { Id = id }, t);
            if (before is null || await c.ExecuteAsync(RoutingRulesSql.Update, parameters, t) == 0) return (int?)null;
            await audit.RecordAsync(c, t, new AuditEntry("RoutingRule", id.Value.ToString(), "Updated", Summary(after),
                ChangeSet.Between(StoredRule.Of(before.ToRule(), before.Position), after)));
            return id;
        }, ct);

        if (savedId is null)
        {
            Conflict = await ConcurrencyConflict.FindAsync(db, RoutingRulesSql.LastChange, id!.Value, ct);
            return Page();
        }

        routing.Invalidate();
        TempData["Flash"] = text["Rule.Saved", text.RuleName(after.Name, after.NameJa)].Value;
        return RedirectToPage("/Feedback/Rules/Index");
    }

    private static string Summary(StoredRule rule) => CodedText.Encode(AuditSummaries.RoutingRuleNamed, rule.Name, rule.NameJa);

    private static async Task<RoutingRuleRow?> FindAsync(DbConnection connection, int id, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<RoutingRuleRow>(new CommandDefinition(RoutingRulesSql.Find, new { Id = id }, cancellationToken: ct));
}
