namespace ProgramOps.Web.Features.Initiatives;

/// <summary>The 97.5th percentile of Student's t, the multiplier of a two-sided 95% interval.</summary>
public static class StudentT
{
    // Exact to six places for 1–30 degrees of freedom, where the expansion below is least accurate.
    private static readonly double[] Table =
    [
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    ];

    private const double Z975 = 1.959963984540054;

    public static double Quantile975(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (degreesOfFreedom <= Table.Length) return Table[degreesOfFreedom - 1];

        // The Cornish–Fisher expansion of t about the normal quantile (Abramowitz & Stegun 26.7.5); beyond 30 degrees of
        // freedom its first three terms are within 1e-5.
        double z = Z975, n = degreesOfFreedom, z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
        return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n);
    }
}
