/* Copyright 2023 The TensorFlow Authors. All Rights Reserved.

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

#ifndef SIGNAL_MICRO_KERNELS_TEST_DATA_GENERATION_GENERATE_FFT_FLEXBUFFERS_DATA_H_
#define SIGNAL_MICRO_KERNELS_TEST_DATA_GENERATION_GENERATE_FFT_FLEXBUFFERS_DATA_H_

extern const int g_gen_data_size_fft_length_64_float;
extern const unsigned char g_gen_data_fft_length_64_float[];

extern const int g_gen_data_size_fft_length_64_int16;
extern const unsigned char g_gen_data_fft_length_64_int16[];

extern const int g_gen_data_size_fft_length_64_int32;
extern const unsigned char g_gen_data_fft_length_64_int32[];

extern const int g_gen_data_size_fft_length_512_float;
extern const unsigned char g_gen_data_fft_length_512_float[];

extern const int g_gen_data_size_fft_length_512_int16;
extern const unsigned char g_gen_data_fft_length_512_int16[];

extern const int g_gen_data_size_fft_length_512_int32;
extern const unsigned char g_gen_data_fft_length_512_int32[];

#endif  // SIGNAL_MICRO_KERNELS_TEST_DATA_GENERATION_GENERATE_FFT_FLEXBUFFERS_DATA_H_
