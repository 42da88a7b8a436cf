using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace ProgramOps.Web.Features.Portal;

/// <summary>
/// Every page a client user opens on the portal is audited (who, which page, and its answer: a "not found" for another
/// client's id shows in the log too), in a transaction of its own after the page has answered.
/// </summary>
public sealed class PortalPageViews(Db db, AuditTrail audit, ICurrentUser user) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) || http.User.Identity?.AuthenticationType != AuthSchemes.Portal) return;

        var status = executed.Result switch
        {
            IStatusCodeActionResult { StatusCode: { } code } => code,
            _ => StatusCodes.Status200OK,
        };
        var page = (http.Request.Path + http.Request.QueryString).ToString();
        await db.InTransactionAsync((c, t) => audit.RecordAsync(c, t,
            new AuditEntry(PortalAudit.Entity, http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "-", PortalAudit.PageViewed,
                $"{page[..Math.Min(page.Length, 300)]} → {status} ({user.UserName})")), http.RequestAborted);
    }
}
