// The measurement firmware: runs one model (model.cc: its flatbuffer and op resolver) with TFLM on
// the Cortex-M4 and reports, over semihosting, what the target pays for it.
//
// Command line (QEMU -semihosting-config arg=...): "fw JOB OUT". JOB is a host file holding a
// header of little-endian uint32 words
//   magic 'UNAS' | arena_bytes (0: all RAM left) | warmup | repeats | samples | profile |
//   calibrate_loops
// followed by `samples` raw inputs (every input tensor's bytes, in order). OUT receives every
// sample's raw outputs (every output tensor's bytes, in order). Text lines "UNAS key=value" on
// the semihosting console carry the figures; the exit status says what went wrong:
//   0 ok, 2 bad job, 3 the arena is too small (or the model cannot be prepared), 4 fault,
//   5 the arena does not fit in RAM, 6 invoke failed. The smallest arena is searched for by the
// host, one run per probe (mcu/harness.py): TFLM can write through a null pointer after a failed
// allocation, which startup.c's MPU region turns into a fault, so a probe cannot be retried in
// the same run.
// Built with UNAS_PROFILE and given `profile`, a second interpreter is built on the same arena
// after the first is gone, with a profiler that times each operator of the stored order
// ("UNAS op_ticks=" once per operator, then "UNAS profiled_invoke_ticks="); the first
// interpreter, and so the figures above, run without a profiler, exactly as without `profile`.
// Without UNAS_PROFILE the image holds no profiler (the harness's plain build) and ignores it.
#include <stdint.h>
#include <string.h>

#include "semihosting.h"
#include "tensorflow/lite/micro/cortex_m_generic/debug_log_callback.h"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/micro/micro_profiler_interface.h"
#include "tensorflow/lite/micro/recording_micro_allocator.h"
#include "tensorflow/lite/schema/schema_generated.h"

extern "C" {
extern uint8_t __arena_start, __arena_end;
extern volatile uint32_t systick_wraps;
uint32_t stack_high_water_bytes(void);
uint32_t heap_used_bytes(void);
}

// model.cc (generated per model).
extern const unsigned char g_model[];
extern const unsigned int g_model_len;
const tflite::MicroOpResolver& ModelOpResolver();

namespace {

constexpr uint32_t kMagic = 0x53414E55u;  // "UNAS"
constexpr uint32_t kHeaderWords = 7;

struct Job {
  uint32_t magic, arena_bytes, warmup, repeats, samples, profile, calibrate_loops;
};

volatile uint32_t* const kSysTickCtrl = reinterpret_cast<volatile uint32_t*>(0xE000E010u);
volatile uint32_t* const kSysTickLoad = reinterpret_cast<volatile uint32_t*>(0xE000E014u);
volatile uint32_t* const kSysTickVal = reinterpret_cast<volatile uint32_t*>(0xE000E018u);

// SysTick counts down from 2^24 - 1 on the processor clock; the wrap interrupt (counter reaching
// 0) is counted in startup.c. Started once; waits for the first reload so that Ticks() is
// monotonic from then on.
void StartTicks() {
  *kSysTickLoad = 0x00FFFFFFu;
  *kSysTickVal = 0;
  *kSysTickCtrl = 0x7u;  // processor clock, interrupt on wrap, enabled
  while (*kSysTickVal == 0) {
  }
}

// Ticks since the first reload: wraps * 2^24 + (2^24 - 1 - current), read again if a wrap came
// in between; while the counter sits at 0 the wrap is already counted.
uint64_t Ticks() {
  uint32_t wraps, value;
  do {
    wraps = systick_wraps;
    value = *kSysTickVal;
  } while (wraps != systick_wraps);
  if (value == 0 && wraps > 0) return (static_cast<uint64_t>(wraps) << 24) - 1;
  return (static_cast<uint64_t>(wraps) << 24) + (0x00FFFFFFu - value);
}

void Print(const char* text) { semihost_print(text); }

#ifdef UNAS_PROFILE
// Ticks per operator of one invoke: TFLM's interpreter opens one event per operator, in the
// stored order (ScopedMicroProfiler around each kernel's invoke).
class OperatorProfiler : public tflite::MicroProfilerInterface {
 public:
  static constexpr uint32_t kMaxEvents = 256;
  uint32_t BeginEvent(const char* tag) override {
    const uint32_t handle = events_ < kMaxEvents ? events_ : kMaxEvents - 1;
    ++events_;
    start_[handle] = static_cast<uint32_t>(Ticks());
    return handle;
  }
  void EndEvent(uint32_t handle) override {
    ticks_[handle] = static_cast<uint32_t>(Ticks()) - start_[handle];
  }
  uint32_t events() const { return events_; }
  uint32_t ticks(uint32_t i) const { return ticks_[i]; }

 private:
  uint32_t events_ = 0;
  uint32_t start_[kMaxEvents];
  uint32_t ticks_[kMaxEvents];
};
#endif  // UNAS_PROFILE

// "UNAS key=value" (decimal by hand: newlib-nano's printf has no 64-bit integers).
void PrintValue(const char* key, uint64_t value) {
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  char line[96] = "UNAS ";
  size_t length = strlen(line);
  while (*key != '\0' && length < sizeof(line) - 28) line[length++] = *key++;
  line[length++] = '=';
  while (n > 0) line[length++] = digits[--n];
  line[length++] = '\n';
  line[length] = '\0';
  Print(line);
}

// TFLM's messages, each line prefixed "TFLM " (MicroPrintf sends the text, then "\r\n").
bool g_at_line_start = true;
void DebugCallback(const char* text) {
  if (text[0] == '\0') return;
  if (g_at_line_start) Print("TFLM ");
  Print(text);
  g_at_line_start = text[strlen(text) - 1] == '\n';
}

int32_t g_job = -1;

bool ReadInputs(tflite::MicroInterpreter& interpreter) {
  for (size_t i = 0; i < interpreter.inputs_size(); ++i) {
    TfLiteTensor* tensor = interpreter.input(i);
    if (semihost_read(g_job, tensor->data.raw, tensor->bytes) != 0) return false;
  }
  return true;
}

bool SeekToSample(uint32_t sample, uint32_t sample_bytes) {
  const uint32_t block[2] = {static_cast<uint32_t>(g_job), kHeaderWords * 4 + sample * sample_bytes};
  return semihost_call(0x0A /* SYS_SEEK */, block) == 0;
}

size_t InputBytes(tflite::MicroInterpreter& interpreter) {
  size_t bytes = 0;
  for (size_t i = 0; i < interpreter.inputs_size(); ++i) bytes += interpreter.input(i)->bytes;
  return bytes;
}

size_t OutputBytes(tflite::MicroInterpreter& interpreter) {
  size_t bytes = 0;
  for (size_t i = 0; i < interpreter.outputs_size(); ++i) bytes += interpreter.output(i)->bytes;
  return bytes;
}

// A loop of 2 * loops instructions (subs + bne), to check how many instructions one tick is.
__attribute__((noinline)) void CountedLoop(uint32_t loops) {
  __asm__ volatile(
      "1: subs %0, %0, #1\n"
      "   bne 1b\n"
      : "+r"(loops)
      :
      : "cc");
}

#ifdef UNAS_PROFILE
// One invoke of a second interpreter with the profiler; its own function (not inlined) so that
// the profiler's arrays are on the stack only while it runs, after the stack was measured.
__attribute__((noinline)) int ProfiledInvoke(const tflite::Model* model, size_t arena_size,
                                             const Job& job) {
  OperatorProfiler profiler;
  tflite::RecordingMicroAllocator* allocator =
      tflite::RecordingMicroAllocator::Create(&__arena_start, arena_size);
  if (allocator == nullptr) return 3;
  tflite::MicroInterpreter interpreter(model, ModelOpResolver(), allocator, nullptr,
                                       &profiler);
  if (interpreter.AllocateTensors() != kTfLiteOk) return 3;
  if (job.samples > 0) {
    if (!SeekToSample(0, InputBytes(interpreter)) || !ReadInputs(interpreter)) return 2;
  } else {
    for (size_t i = 0; i < interpreter.inputs_size(); ++i) {
      memset(interpreter.input(i)->data.raw, 0, interpreter.input(i)->bytes);
    }
  }
  const uint32_t edge = *kSysTickVal;
  while (*kSysTickVal == edge) {
  }
  const uint64_t start = Ticks();
  const TfLiteStatus status = interpreter.Invoke();
  const uint64_t ticks = Ticks() - start;
  if (status != kTfLiteOk) {
    Print("UNAS error=invoke\n");
    return 6;
  }
  if (profiler.events() > OperatorProfiler::kMaxEvents) {
    Print("UNAS error=too_many_operators_to_profile\n");
    return 2;
  }
  for (uint32_t i = 0; i < profiler.events(); ++i) PrintValue("op_ticks", profiler.ticks(i));
  PrintValue("profiled_invoke_ticks", ticks);
  return 0;
}
#endif  // UNAS_PROFILE

}  // namespace

int main() {
  RegisterDebugLogCallback(DebugCallback);
  char cmdline[256] = {0};
  char* job_path = nullptr;
  char* out_path = nullptr;
  if (semihost_cmdline(cmdline, sizeof(cmdline) - 1) != 0) return 2;
  job_path = strchr(cmdline, ' ');
  if (job_path == nullptr) return 2;
  *job_path++ = '\0';
  out_path = strchr(job_path, ' ');
  if (out_path == nullptr) return 2;
  *out_path++ = '\0';

  g_job = semihost_open(job_path, 1);
  Job job;
  if (g_job < 0 || semihost_read(g_job, &job, sizeof(job)) != 0 || job.magic != kMagic) {
    Print("UNAS error=bad_job\n");
    return 2;
  }

  StartTicks();
  if (job.calibrate_loops != 0) {
    const uint64_t start = Ticks();
    CountedLoop(job.calibrate_loops);
    PrintValue("calibration_ticks", Ticks() - start);
    return 0;
  }

  const size_t available = static_cast<size_t>(&__arena_end - &__arena_start);
  PrintValue("arena_available", available);
  const size_t arena_size = job.arena_bytes == 0 ? available : job.arena_bytes;
  if (arena_size > available) {
    Print("UNAS error=arena_exceeds_ram\n");
    return 5;
  }

  const tflite::Model* model = tflite::GetModel(g_model);
  if (model->version() != TFLITE_SCHEMA_VERSION) {
    Print("UNAS error=schema_version\n");
    return 2;
  }

  {
    tflite::RecordingMicroAllocator* allocator =
        tflite::RecordingMicroAllocator::Create(&__arena_start, arena_size);
    if (allocator == nullptr) {
      Print("UNAS error=allocate\n");
      return 3;
    }
    tflite::MicroInterpreter interpreter(model, ModelOpResolver(), allocator);
    if (interpreter.AllocateTensors() != kTfLiteOk) {
      Print("UNAS error=allocate\n");
      return 3;
    }
    const size_t input_bytes = InputBytes(interpreter);
    PrintValue("input_bytes", input_bytes);
    PrintValue("output_bytes", OutputBytes(interpreter));

    // Instructions per inference: warm-up invokes, then `repeats` timed ones, all on sample 0
    // (or zeros when the job has no samples); the inputs are reloaded before each invoke because
    // the memory planner may reuse the input buffer for later activations.
    for (uint32_t run = 0; run < job.warmup + job.repeats; ++run) {
      if (job.samples > 0) {
        if (!SeekToSample(0, input_bytes) || !ReadInputs(interpreter)) return 2;
      } else {
        for (size_t i = 0; i < interpreter.inputs_size(); ++i) {
          memset(interpreter.input(i)->data.raw, 0, interpreter.input(i)->bytes);
        }
      }
      // Start on a tick edge, so that every timed invoke is read at the same phase of the 40-
      // instruction tick: the count is quantised to 40 instructions, the same way each time.
      const uint32_t edge = *kSysTickVal;
      while (*kSysTickVal == edge) {
      }
      const uint64_t start = Ticks();
      const TfLiteStatus status = interpreter.Invoke();
      const uint64_t ticks = Ticks() - start;
      if (status != kTfLiteOk) {
        Print("UNAS error=invoke\n");
        return 6;
      }
      if (run >= job.warmup) PrintValue("invoke_ticks", ticks);
    }

    const tflite::RecordingSingleArenaBufferAllocator* memory =
        allocator->GetSimpleMemoryAllocator();
    PrintValue("arena_head", memory->GetNonPersistentUsedBytes());
    PrintValue("arena_tail", memory->GetPersistentUsedBytes());
    PrintValue("arena_total", memory->GetUsedBytes());
    // What the tail holds, by kind (TFLM's recorded allocations; the rest of the tail is the
    // allocator, interpreter and planner bookkeeping): "UNAS tail.<kind>=requested,used,count".
    struct Kind {
      tflite::RecordedAllocationType type;
      const char* name;
    };
    const Kind kinds[] = {
        {tflite::RecordedAllocationType::kTfLiteEvalTensorData, "eval_tensors"},
        {tflite::RecordedAllocationType::kPersistentTfLiteTensorData, "persistent_tensors"},
        {tflite::RecordedAllocationType::kPersistentTfLiteTensorQuantizationData,
         "persistent_quantization"},
        {tflite::RecordedAllocationType::kPersistentBufferData, "persistent_buffers"},
        {tflite::RecordedAllocationType::kTfLiteTensorVariableBufferData, "variable_buffers"},
        {tflite::RecordedAllocationType::kNodeAndRegistrationArray, "node_and_registrations"},
        {tflite::RecordedAllocationType::kOpData, "op_data"},
    };
    for (const Kind& kind : kinds) {
      const tflite::RecordedAllocation recorded = allocator->GetRecordedAllocation(kind.type);
      char key[64] = "tail.";
      strcat(key, kind.name);
      char field[80];
      strcpy(field, key);
      strcat(field, ".requested");
      PrintValue(field, recorded.requested_bytes);
      strcpy(field, key);
      strcat(field, ".used");
      PrintValue(field, recorded.used_bytes);
      strcpy(field, key);
      strcat(field, ".count");
      PrintValue(field, recorded.count);
    }

    if (job.samples > 0) {
      const int32_t out = semihost_open(out_path, 5);
      if (out < 0 || !SeekToSample(0, input_bytes)) return 2;
      for (uint32_t sample = 0; sample < job.samples; ++sample) {
        if (!ReadInputs(interpreter)) return 2;
        if (interpreter.Invoke() != kTfLiteOk) {
          Print("UNAS error=invoke\n");
          return 6;
        }
        for (size_t i = 0; i < interpreter.outputs_size(); ++i) {
          const TfLiteTensor* tensor = interpreter.output(i);
          if (semihost_write(out, tensor->data.raw, tensor->bytes) != 0) return 2;
        }
      }
      semihost_close(out);
    }
  }

  // The figures of the run above; the profiled run below (its profiler lives on the stack) comes
  // after them, so that it changes none.
  PrintValue("stack_high_water", stack_high_water_bytes());
  PrintValue("heap_used", heap_used_bytes());

#ifdef UNAS_PROFILE
  if (job.profile != 0) {
    const int status = ProfiledInvoke(model, arena_size, job);
    if (status != 0) return status;
  }
#endif  // UNAS_PROFILE

  semihost_close(g_job);
  Print("UNAS done=1\n");
  return 0;
}
