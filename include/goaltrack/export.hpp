#pragma once
/// @file
/// GOALTRACK_API marks what the library exports. goaltrack is built with hidden symbol
/// visibility, so a shared build (BUILD_SHARED_LIBS=ON) exports its public API and
/// nothing else: internals cannot be linked against, and do not clash with a program's
/// own symbols. On Windows the macro is dllexport while building the DLL and dllimport
/// in its users; GOALTRACK_SHARED is defined for both by the CMake package.

#if defined(_WIN32) && defined(GOALTRACK_SHARED)
#if defined(GOALTRACK_BUILDING)
#define GOALTRACK_API __declspec(dllexport)
#else
#define GOALTRACK_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define GOALTRACK_API __attribute__((visibility("default")))
#else
#define GOALTRACK_API
#endif
