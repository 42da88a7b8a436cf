using ProgramOps.Web.Features.Clients;

namespace ProgramOps.UnitTests.Clients;

public sealed class CsStyleSetTests
{
    [Fact]
    public void Each_style_has_its_own_bit_as_the_migration_numbered_them()
    {
        Assert.Equal([1, 2, 4, 8], Enum.GetValues<CsStyle>().Select(CsStyleSet.Bit));
        Assert.Equal(CsStyleSet.All, CsStyleSet.ToMask(Enum.GetValues<CsStyle>()));
    }

    [Fact]
    public void Project_and_task_management_together_read_back_as_both_in_order()
    {
        var mask = CsStyleSet.ToMask([CsStyle.TaskManagement, CsStyle.ProjectManagement, CsStyle.TaskManagement]);

        Assert.Equal(6, mask);
        Assert.Equal([CsStyle.ProjectManagement, CsStyle.TaskManagement], CsStyleSet.FromMask(mask));
    }

    [Fact]
    public void No_style_is_the_empty_set() => Assert.Empty(CsStyleSet.FromMask(0));
}
