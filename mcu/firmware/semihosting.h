/* Arm semihosting (bkpt 0xAB) calls the firmware uses to talk to QEMU: text out, host files in and
 * out, the command line, and exit with a status. QEMU serves them with
 * -semihosting-config enable=on,target=native; text goes to QEMU's stderr. */
#ifndef UNAS_MCU_SEMIHOSTING_H_
#define UNAS_MCU_SEMIHOSTING_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
  kSysOpen = 0x01,
  kSysClose = 0x02,
  kSysWrite0 = 0x04,
  kSysWrite = 0x05,
  kSysRead = 0x06,
  kSysFlen = 0x0C,
  kSysGetCmdline = 0x15,
  kSysExitExtended = 0x20,
};

static inline int32_t semihost_call(int32_t op, const void* arg) {
  register int32_t r0 __asm__("r0") = op;
  register const void* r1 __asm__("r1") = arg;
  __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

static inline void semihost_print(const char* text) { semihost_call(kSysWrite0, text); }

/* Opens a host file; mode 1 = "rb", 5 = "wb". Returns a handle or -1. */
static inline int32_t semihost_open(const char* path, int32_t mode) {
  size_t length = 0;
  while (path[length] != '\0') ++length;
  const uint32_t block[3] = {(uint32_t)path, (uint32_t)mode, (uint32_t)length};
  return semihost_call(kSysOpen, block);
}

/* Returns the number of bytes NOT transferred (0 on success). */
static inline int32_t semihost_read(int32_t handle, void* buffer, uint32_t size) {
  const uint32_t block[3] = {(uint32_t)handle, (uint32_t)buffer, size};
  return semihost_call(kSysRead, block);
}

static inline int32_t semihost_write(int32_t handle, const void* buffer, uint32_t size) {
  const uint32_t block[3] = {(uint32_t)handle, (uint32_t)buffer, size};
  return semihost_call(kSysWrite, block);
}

static inline int32_t semihost_file_length(int32_t handle) {
  const uint32_t block[1] = {(uint32_t)handle};
  return semihost_call(kSysFlen, block);
}

static inline void semihost_close(int32_t handle) {
  const uint32_t block[1] = {(uint32_t)handle};
  semihost_call(kSysClose, block);
}

static inline int32_t semihost_cmdline(char* buffer, uint32_t size) {
  uint32_t block[2] = {(uint32_t)buffer, size};
  return semihost_call(kSysGetCmdline, block);
}

__attribute__((noreturn)) static inline void semihost_exit(int32_t status) {
  const uint32_t block[2] = {0x20026u /* ADP_Stopped_ApplicationExit */, (uint32_t)status};
  for (;;) semihost_call(kSysExitExtended, block);
}

#ifdef __cplusplus
}
#endif

#endif  // UNAS_MCU_SEMIHOSTING_H_
