// libFuzzer harness: whole goaltrack files, envelope included (checksums as given).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  goaltrack_fuzz::load_bytes(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
