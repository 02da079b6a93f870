/* Copyright 2025 The TensorFlow Authors. All Rights Reserved.

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
==============================================================================*/
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_DYNAMIC_UPDATE_SLICE_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_DYNAMIC_UPDATE_SLICE_H_

#include "tensorflow/lite/c/builtin_op_data.h"
#include "tensorflow/lite/kernels/internal/types.h"
#include "tensorflow/lite/micro/micro_common.h"

namespace tflite {

constexpr int kDynamicUpdateSliceOperandTensor = 0;
constexpr int kDynamicUpdateSliceUpdateTensor = 1;
constexpr int kDynamicUpdateSliceStartIndicesTensor = 2;
constexpr int kDynamicUpdateSliceOutputTensor = 0;

TfLiteStatus PrepareDynamicUpdateSlice(TfLiteContext* context,
                                       TfLiteNode* node);

TFLMRegistration Register_DYNAMIC_UPDATE_SLICE();

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_DYNAMIC_UPDATE_SLICE_H_
