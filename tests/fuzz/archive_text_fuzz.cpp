// libFuzzer harness: the payload of a text archive behind a valid envelope (the harness
// fixes up the length and checksums, so every input reaches the text payload parser).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  goaltrack_fuzz::load_bytes(goaltrack_fuzz::with_envelope(data, size, 1));
  return 0;
}
