namespace ProgramOps.Web.Features.Health;

/// <summary>One client's health on its own page, opened from the at-risk list.</summary>
public sealed class ClientModel(Db db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var name = await c.ExecuteScalarAsync<string?>(new CommandDefinition(AccountHealthSql.ClientName, new { Id }, cancellationToken: ct));
        if (name is null) return NotFound();
        Name = name;
        return Page();
    }
}
