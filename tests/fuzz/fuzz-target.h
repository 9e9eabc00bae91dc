/* fuzz-target.h: the libFuzzer entry point every target defines
 *
 * Each fuzz-*.c is built twice: with clang and -fsanitize=fuzzer as a
 * fuzzer (`./build-aux/dev fuzz`), and with any compiler linked to
 * replay.c, which feeds it the seed corpus in the normal test run.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Criticals and warnings are bugs to the fuzzer, as they are in tests. */
void fuzz_target_init      (void);
