# Warnings are per target so that third-party code is not held to our bar.
function(stormwatch_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                           # designated initializers leave fields at their defaults on purpose
                                           -Wno-missing-field-initializers
                                           $<$<BOOL:${STORMWATCH_WERROR}>:-Werror>)
  # GCC 12 at -O2/-O3 reports -Wrestrict on std::string joins ("a" + std::string(b)) where
  # nothing overlaps (GCC bug 105329); which joins it flags moves with inlining.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
     AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
endfunction()

# stormwatch_add_component(<name> SOURCES <file>... DEPS <target>...)
# One static library per concern folder (stormwatch_<name>), folded into libstormwatch.
function(stormwatch_add_component name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "SOURCES;DEPS")
  add_library(stormwatch_${name} STATIC ${ARG_SOURCES})
  target_include_directories(stormwatch_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_compile_features(stormwatch_${name} PUBLIC cxx_std_20)
  target_link_libraries(stormwatch_${name} PUBLIC ${ARG_DEPS})
  stormwatch_set_warnings(stormwatch_${name})
  target_link_libraries(stormwatch INTERFACE stormwatch_${name})
endfunction()

# stormwatch_add_test(<name> SOURCES <file>... DEPS <target>... LABELS <label>...)
# One GoogleTest executable; each TEST becomes a ctest entry carrying the labels.
function(stormwatch_add_test name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "SOURCES;DEPS;LABELS")
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest_main)
  # Test-only helpers (tests/support/) are included as "support/...".
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_compile_definitions(${name} PRIVATE
      STORMWATCH_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
      STORMWATCH_BINARY_DIR="${PROJECT_BINARY_DIR}")
  stormwatch_set_warnings(${name})
  gtest_discover_tests(${name} PROPERTIES LABELS "${ARG_LABELS}" DISCOVERY_TIMEOUT 60)
endfunction()

# stormwatch_add_fuzzer(<name> SOURCES <file>... DEPS <target>... SEEDS <path>...)
# A libFuzzer target when STORMWATCH_BUILD_FUZZERS is on. In a test build the same entry
# point is linked with tests/fuzz/replay_main.cpp and replayed over SEEDS as a ctest
# (label `fuzz`), so no target rots between fuzzing sessions.
function(stormwatch_add_fuzzer name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "SOURCES;DEPS;SEEDS")
  if(NOT STORMWATCH_BUILD_FUZZERS)
    list(APPEND ARG_SOURCES ${PROJECT_SOURCE_DIR}/tests/fuzz/replay_main.cpp)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS})
  if(STORMWATCH_BUILD_FUZZERS)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
    return()
  endif()
  stormwatch_set_warnings(${name})
  add_test(NAME ${name} COMMAND ${name} ${ARG_SEEDS})
  set_tests_properties(${name} PROPERTIES LABELS fuzz)
endfunction()
