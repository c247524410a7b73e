/* neon: Advanced SIMD (NEON) arithmetic through arm_neon.h, checked
 * against the same computation in scalar code. */
#pragma GCC target("fpu=neon-vfpv4")
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>

#define N 64

int main(void)
{
	float a[N], b[N], c[N], scalar = 0, vector;
	int32_t ia[N], isum = 0;
	uint8_t sat[16];
	float32x4_t acc = vdupq_n_f32(0);
	int32x4_t iacc = vdupq_n_s32(0);
	int i;

	for (i = 0; i < N; i++) {
		a[i] = i * 0.5f;
		b[i] = 2.0f - i * 0.25f;
		ia[i] = i * i - 100;
	}
	for (i = 0; i < N; i += 4) {
		float32x4_t va = vld1q_f32(a + i), vb = vld1q_f32(b + i);

		vst1q_f32(c + i, vmulq_f32(va, vb));
		acc = vmlaq_f32(acc, va, vb); /* acc += a * b */
		iacc = vaddq_s32(iacc, vld1q_s32(ia + i));
	}
	vector = vgetq_lane_f32(acc, 0) + vgetq_lane_f32(acc, 1) + vgetq_lane_f32(acc, 2) +
		 vgetq_lane_f32(acc, 3);
	for (i = 0; i < N; i++) {
		scalar += a[i] * b[i];
		isum += ia[i];
	}
	vst1q_u8(sat, vqaddq_u8(vdupq_n_u8(200), vdupq_n_u8(100)));
	printf("dot product: NEON %.2f, scalar %.2f\n", vector, scalar);
	printf("c[10] = %.3f, c[63] = %.3f\n", c[10], c[63]);
	printf("integer sum: NEON %d, scalar %d\n",
	       vgetq_lane_s32(iacc, 0) + vgetq_lane_s32(iacc, 1) + vgetq_lane_s32(iacc, 2) +
		       vgetq_lane_s32(iacc, 3), isum);
	printf("saturating 200 + 100 as uint8: %u\n", sat[7]);
	return 0;
}
