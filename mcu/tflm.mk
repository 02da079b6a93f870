# Builds TensorFlow Lite Micro for a Cortex-M4F (the static library libtflm.a) from the vendored
# tree vendor/tflm, with one of two kernel sets:
#   make -f mcu/tflm.mk KERNELS=reference|cmsis-nn OUT=DIR [-j N]
# The flags are those of TFLM's own Makefile for TARGET=cortex_m_generic TARGET_ARCH=cortex-m4+fp
# (printed with its print-CXXFLAGS target): runtime core at -Os, kernels and CMSIS-NN at -O2.
# OUT/flags.mk records the compiler flags and include folders (relative to vendor/tflm) so the
# firmware is compiled with exactly the same ones.
# Which sources form the library follows TFLM's create_tflm_tree.py (see vendor/tflm/README.md):
# every .cc/.c of the vendored tree; with CMSIS-NN, kernels/cmsis_nn/X.cc replaces kernels/X.cc.

KERNELS ?= reference
OUT ?= build/tflm-$(KERNELS)
SRC ?= $(dir $(lastword $(MAKEFILE_LIST)))../vendor/tflm
CROSS ?= arm-none-eabi-
CXX := $(CROSS)g++
CC := $(CROSS)gcc
AR := $(CROSS)ar

ARCH := -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard -mthumb -mlittle-endian
DEFINES := -DTF_LITE_STATIC_MEMORY -DTF_LITE_DISABLE_X86_NEON -DTF_LITE_MCU_DEBUG_LOG \
  -DKERNELS_OPTIMIZED_FOR_SPEED -DCPU_M4=1 -DARMCM4 -DARM_NN_ENABLE_F16=0 -DARM_NN_ENABLE_F32=0
COMMON = $(ARCH) $(DEFINES) -funsigned-char -fno-unwind-tables -fno-asynchronous-unwind-tables \
  -ffunction-sections -fdata-sections -fmessage-length=0 -fomit-frame-pointer -Wall -Wextra \
  -Wno-unused-parameter -Wno-type-limits -Wdouble-promotion -Wvla -Wsign-compare -Wswitch
CXXONLY := -std=c++17 -fno-rtti -fno-exceptions -fno-threadsafe-statics -Wnon-virtual-dtor
CONLY := -std=c17 -Wimplicit-function-declaration
INCLUDE_DIRS := . third_party/gemmlowp third_party/flatbuffers/include third_party/ruy \
  third_party/cmsis third_party/cmsis/CMSIS/Core/Include third_party/cmsis_nn third_party/cmsis_nn/Include
INCLUDES := $(addprefix -I$(SRC)/,$(INCLUDE_DIRS))

ALL_CC := $(shell cd $(SRC) && find tensorflow -name '*.cc' | sort)
REFERENCE_KERNELS := $(filter tensorflow/lite/micro/kernels/%,$(filter-out tensorflow/lite/micro/kernels/cmsis_nn/%,$(ALL_CC)))
CMSIS_KERNELS := $(filter tensorflow/lite/micro/kernels/cmsis_nn/%,$(ALL_CC))
CORE_CC := $(filter-out tensorflow/lite/micro/kernels/%,$(ALL_CC))

ifeq ($(KERNELS),reference)
  KERNEL_CC := $(REFERENCE_KERNELS)
  THIRD_PARTY_C :=
else ifeq ($(KERNELS),cmsis-nn)
  DEFINES += -DCMSIS_NN
  KERNEL_CC := $(CMSIS_KERNELS) $(filter-out $(subst cmsis_nn/,,$(CMSIS_KERNELS)),$(REFERENCE_KERNELS))
  THIRD_PARTY_C := $(shell cd $(SRC) && find third_party/cmsis_nn/Source -name '*.c' \
    ! -name '*_f16.c' ! -name '*_f32.c' ! -name 'arm_nntables_flt.c' | sort)
else
  $(error KERNELS must be reference or cmsis-nn, not $(KERNELS))
endif

OBJ := $(OUT)/obj
CORE_O := $(addprefix $(OBJ)/,$(CORE_CC:.cc=.o))
KERNEL_O := $(addprefix $(OBJ)/,$(KERNEL_CC:.cc=.o))
THIRD_PARTY_O := $(addprefix $(OBJ)/,$(THIRD_PARTY_C:.c=.o))

$(OUT)/libtflm.a: $(CORE_O) $(KERNEL_O) $(THIRD_PARTY_O) $(OUT)/flags.mk
	rm -f $@
	$(AR) rcs $@ $(CORE_O) $(KERNEL_O) $(THIRD_PARTY_O)

$(OUT)/flags.mk:
	@mkdir -p $(OUT)
	@printf 'CXXFLAGS := %s\nINCLUDE_DIRS := %s\n' '$(COMMON) $(CXXONLY)' '$(INCLUDE_DIRS)' > $@

$(CORE_O): $(OBJ)/%.o: $(SRC)/%.cc
	@mkdir -p $(dir $@)
	$(CXX) $(COMMON) $(CXXONLY) -Os $(INCLUDES) -c $< -o $@

$(KERNEL_O): $(OBJ)/%.o: $(SRC)/%.cc
	@mkdir -p $(dir $@)
	$(CXX) $(COMMON) $(CXXONLY) -O2 $(INCLUDES) -c $< -o $@

$(THIRD_PARTY_O): $(OBJ)/%.o: $(SRC)/%.c
	@mkdir -p $(dir $@)
	$(CC) $(COMMON) $(CONLY) -O2 $(INCLUDES) -c $< -o $@
