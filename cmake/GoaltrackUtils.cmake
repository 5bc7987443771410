# Helpers applied to goaltrack's own targets only (never to a consumer's).

# goaltrack_enable_warnings(target): a strict warning set, errors when GOALTRACK_WERROR.
function(goaltrack_enable_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE
      -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow
      -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wnull-dereference)
    if(GOALTRACK_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
    # GCC 12 reports std::string concatenation at -O3 as an overlapping memcpy, a known
    # false positive (GCC bug 105329).
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
       AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
      target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4 $<$<BOOL:${GOALTRACK_WERROR}>:/WX>)
  endif()
endfunction()

# goaltrack_enable_sanitizers(target): ASan + UBSan when GOALTRACK_SANITIZE, failing hard
# on the first undefined-behaviour report.
function(goaltrack_enable_sanitizers target)
  if(GOALTRACK_SANITIZE AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE
      -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
  endif()
endfunction()
