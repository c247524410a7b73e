/* fpu: floating-point arithmetic and printf("%f") as any program does it.
 * The armhf build runs it on the VFP (hard-float), the armel build in
 * software (soft-float): both must print the same, on both kernels. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	/* from argv, so that the compiler cannot fold the arithmetic away */
	volatile double two = argc + 1.0, three = two + 1.0;
	volatile float third = 1.0f / (float)three;
	double sum = 0, product = 1;
	int i;

	for (i = 1; i <= 20; i++) {
		sum += 1.0 / i;
		product *= 1.0 + 1.0 / (i * three);
	}
	printf("sqrt(2) = %.15f\n", sqrt(two));
	printf("1/3 as float = %.9f, as double = %.17f\n", third, 1.0 / three);
	printf("H(20) = %f, product = %.12e\n", sum, product);
	printf("exp(1) = %.15g, sin(pi/6) = %.15f, pow(2, 0.5) = %g\n", exp(two - 1), sin(M_PI / (2 * three)),
	       pow(two, 0.5));
	printf("%%f of 1e10/3: %f, %%g of 1e-300*1e-300: %g, 1/0: %f, 0/0 is NaN: %d\n",
	       1e10 / three, 1e-300 * (two * 5e-301), 1.0 / (two - 2), isnan((two - 2) / (two - 2)));
	printf("strtod(\"2.5e-3\") * 4 = %f, (int)-7.9 = %d, (long long)1e15 = %lld\n",
	       strtod("2.5e-3", NULL) * 4, (int)(-7.9 * (two - 1)), (long long)(1e15 * (two - 1)));
	return 0;
}
