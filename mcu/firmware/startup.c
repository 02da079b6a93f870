/* Reset and run-time support for the measurement firmware on mps2-an386 (Cortex-M4F): the vector
 * table, reset (FPU on, .data copied, .bss zeroed, stack painted for the high-water mark, C++
 * constructors, main), SysTick overflow counting for the instruction clock, faults reported over
 * semihosting, and the few newlib system calls a bare-metal C++ program needs. */
#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>

#include "semihosting.h"

#define STACK_PAINT 0xC5C5C5C5u

extern uint32_t __data_load, __data_start, __data_end, __bss_start, __bss_end;
extern uint32_t __heap_start, __heap_end, __stack_limit, __stack_top;
extern void __libc_init_array(void);
extern int main(void);

void Reset_Handler(void);
void Fault_Handler(void);
void SysTick_Handler(void);
static void Default_Handler(void) { Fault_Handler(); }

__attribute__((section(".vectors"), used)) static void (*const vectors[16 + 32])(void) = {
    (void (*)(void))(&__stack_top),
    Reset_Handler,
    Default_Handler, /* NMI */
    Fault_Handler,   /* HardFault */
    Fault_Handler,   /* MemManage */
    Fault_Handler,   /* BusFault */
    Fault_Handler,   /* UsageFault */
    0, 0, 0, 0,
    Default_Handler, /* SVC */
    Default_Handler, /* DebugMon */
    0,
    Default_Handler, /* PendSV */
    SysTick_Handler,
};

/* -nostartfiles: no crti/crtn, so the hooks __libc_init_array calls are defined here. */
void _init(void) {}
void _fini(void) {}
void* __dso_handle = 0;

/* SysTick wraps every 2^24 ticks; the handler counts the wraps (firmware reads both). */
volatile uint32_t systick_wraps = 0;
void SysTick_Handler(void) { ++systick_wraps; }

void Fault_Handler(void) {
  semihost_print("UNAS fault=hardfault\n");
  semihost_exit(4);
}

__attribute__((naked, noreturn)) void Reset_Handler(void) {
  __asm__ volatile(
      "ldr r0, =__stack_top\n"
      "mov sp, r0\n"
      "b reset_c\n");
}

__attribute__((noreturn, used)) void reset_c(void) {
  /* Full access to CP10/CP11 (the FPU) before any floating-point instruction. */
  volatile uint32_t* const cpacr = (uint32_t*)0xE000ED88u;
  *cpacr |= (0xFu << 20);
  __asm__ volatile("dsb\nisb" ::: "memory");

  /* The image's memory is RAM in QEMU but flash on a microcontroller: an MPU region makes it
   * read-only (and the rest the default map), so a stray write (TFLM writes through a null pointer
   * after some failed allocations) faults as it would on the board, instead of silently
   * overwriting the vector table at address 0. */
  volatile uint32_t* const mpu_rbar = (uint32_t*)0xE000ED9Cu;
  volatile uint32_t* const mpu_rasr = (uint32_t*)0xE000EDA0u;
  volatile uint32_t* const mpu_ctrl = (uint32_t*)0xE000ED94u;
  *mpu_rbar = 0x00000000u | (1u << 4) | 0u;             /* base 0, VALID, region 0 */
  *mpu_rasr = (6u << 24) | (1u << 17) | (21u << 1) | 1u; /* AP=RO, C, 4 MiB, enabled */
  *mpu_ctrl = (1u << 2) | 1u;                           /* PRIVDEFENA, ENABLE */
  __asm__ volatile("dsb\nisb" ::: "memory");

  for (uint32_t *src = &__data_load, *dst = &__data_start; dst < &__data_end;) *dst++ = *src++;
  for (uint32_t* dst = &__bss_start; dst < &__bss_end;) *dst++ = 0;

  /* Paint the stack below this frame; the first word still painted (from the bottom) marks how deep
   * the program went. */
  uint32_t* sp;
  __asm__ volatile("mov %0, sp" : "=r"(sp));
  for (uint32_t* word = &__stack_limit; word < sp - 16;) *word++ = STACK_PAINT;

  __libc_init_array();
  semihost_exit(main());
}

uint32_t stack_high_water_bytes(void) {
  const uint32_t* word = &__stack_limit;
  while (word < &__stack_top && *word == STACK_PAINT) ++word;
  return (uint32_t)((uintptr_t)&__stack_top - (uintptr_t)word);
}

/* Heap for whatever newlib allocates (it should be nothing: the harness reports the high mark). */
static uint8_t* heap_mark = (uint8_t*)&__heap_start;
uint32_t heap_used_bytes(void) { return (uint32_t)(heap_mark - (uint8_t*)&__heap_start); }

void* _sbrk(int increment) {
  if (heap_mark + increment > (uint8_t*)&__heap_end) {
    errno = ENOMEM;
    return (void*)-1;
  }
  uint8_t* previous = heap_mark;
  heap_mark += increment;
  return previous;
}

int _write(int file, const char* buffer, int length) {
  (void)file;
  for (int i = 0; i < length; ++i) semihost_call(0x03 /* SYS_WRITEC */, buffer + i);
  return length;
}
int _read(int file, char* buffer, int length) { (void)file; (void)buffer; (void)length; return 0; }
int _close(int file) { (void)file; return -1; }
int _fstat(int file, struct stat* status) { (void)file; status->st_mode = S_IFCHR; return 0; }
int _isatty(int file) { (void)file; return 1; }
int _lseek(int file, int offset, int whence) { (void)file; (void)offset; (void)whence; return 0; }
int _getpid(void) { return 1; }
int _kill(int pid, int signal) { (void)pid; (void)signal; errno = EINVAL; return -1; }
void _exit(int status) { semihost_exit(status); }
