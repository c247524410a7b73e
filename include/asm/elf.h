/* What binfmt_elf tells a new program about the CPU (Linux's
 * arch/arm/include/asm/elf.h and hwcap.h): the AT_HWCAP/AT_HWCAP2 bits,
 * found at boot by setup_arch() and vfp_init(), and AT_PLATFORM. */
#ifndef __ASMARM_ELF_H
#define __ASMARM_ELF_H

#include <uapi/asm/hwcap.h>

extern unsigned int elf_hwcap, elf_hwcap2;

#define ELF_HWCAP (elf_hwcap)
#define ELF_HWCAP2 (elf_hwcap2)
/* Linux builds it from the CPU's architecture and endianness ("v7" + 'l');
 * this kernel runs only on a little-endian ARMv7. */
#define ELF_PLATFORM "v7l"

/* The auxv entries the architecture adds first: where the vDSO's ELF
 * header is mapped, 0 when it is not (Linux's ARCH_DLINFO, with
 * NEW_AUX_ENT's pairs as an initializer; it reads the new program's mm,
 * which is not yet current->mm when create_elf_tables runs here). */
#define ARCH_DLINFO(mm) AT_SYSINFO_EHDR, (mm)->context.vdso

#endif
