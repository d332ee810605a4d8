# `cmake --build build --target format` rewrites every C++ file of the project with the repository's
# .clang-format; the test `format_check` fails when one is not formatted, so CI checks what review would.
find_program(ROSTER_CLANG_FORMAT NAMES clang-format clang-format-14)
if(NOT ROSTER_CLANG_FORMAT)
    message(STATUS "clang-format not found: no format target, no format_check test")
    return()
endif()
file(GLOB_RECURSE roster_format_files CONFIGURE_DEPENDS
    "${PROJECT_SOURCE_DIR}/app/*.cpp" "${PROJECT_SOURCE_DIR}/app/*.h"
    "${PROJECT_SOURCE_DIR}/core/*.cpp" "${PROJECT_SOURCE_DIR}/core/*.h"
    "${PROJECT_SOURCE_DIR}/ui/*.cpp" "${PROJECT_SOURCE_DIR}/ui/*.h"
    "${PROJECT_SOURCE_DIR}/tests/*.cpp" "${PROJECT_SOURCE_DIR}/tests/*.h")
add_custom_target(format
    COMMAND "${ROSTER_CLANG_FORMAT}" -i ${roster_format_files}
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
    COMMENT "Formatting the C++ sources with .clang-format"
    VERBATIM)
if(ROSTER_BUILD_TESTS)
    add_test(NAME format_check
             COMMAND "${ROSTER_CLANG_FORMAT}" --dry-run -Werror ${roster_format_files}
             WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
endif()
