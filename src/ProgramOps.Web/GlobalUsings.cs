// Namespaces nearly every feature file uses; feature-specific ones stay in each file.
global using System.Data.Common;
global using Dapper;
global using FluentValidation;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.Extensions.Localization;
global using ProgramOps.Web.Infrastructure.Audit;
global using ProgramOps.Web.Infrastructure.Auth;
global using ProgramOps.Web.Infrastructure.Data;
global using ProgramOps.Web.Infrastructure.Time;
global using ProgramOps.Web.Infrastructure.Web;
