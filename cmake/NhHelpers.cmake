# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One place for compiler flags, the core layering rule (docs/conventions.md R1) and the test helper
# (R15).

# nh_flags: every target of the project links this INTERFACE target (docs/conventions.md R12, R16).
add_library(nh_flags INTERFACE)
target_compile_features(nh_flags INTERFACE cxx_std_20)
target_compile_definitions(nh_flags INTERFACE NH_VERSION="${PROJECT_VERSION}")
target_compile_definitions(nh_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
target_compile_options(nh_flags INTERFACE
    -Wall -Wextra -Wpedantic
    -Wold-style-cast -Woverloaded-virtual -Wnon-virtual-dtor
    -Wcast-qual -Wformat=2
    # clang (the fuzz build) has no -Wshadow=local.
    $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local>)
if(NH_WERROR)
    target_compile_options(nh_flags INTERFACE -Werror)
endif()
# Assertions stay on in optimised test builds (qBittorrent's CI flags, docs/conventions.md R19).
if(NH_ASSERTS)
    target_compile_definitions(nh_flags INTERFACE QT_FORCE_ASSERTS _GLIBCXX_ASSERTIONS)
endif()

# Sanitizers on our own targets only (issue #8; Qt stays as Debian built it): a finding aborts
# the process, so ctest fails. NH_FUZZ adds libFuzzer's coverage instrumentation (clang only).
if(NH_SANITIZE)
    target_compile_options(nh_flags INTERFACE
        -fsanitize=${NH_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer
        # gcc documents false positives of this warning under -fsanitize (seen in std::optional);
        # the normal build still makes it an error.
        $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
    target_link_options(nh_flags INTERFACE -fsanitize=${NH_SANITIZE})
endif()
if(NH_FUZZ)
    target_compile_options(nh_flags INTERFACE -fsanitize=fuzzer-no-link)
endif()

# nh_test_flags: what test code compiles with (NH_TEST_CXX_FLAGS) on top of nh_flags. Test code
# is most of the build's compile time and none of what ships: it gets -O1 and line tables (the
# sanitizer stage uses -O0), while the libraries it tests keep the build type's flags.
set(NH_TEST_CXX_FLAGS "-O1 -g1" CACHE STRING "Compiler flags of test code (tests/), after the build type's")
separate_arguments(nh_test_cxx_flags UNIX_COMMAND "${NH_TEST_CXX_FLAGS}")
add_library(nh_test_flags INTERFACE)
target_compile_options(nh_test_flags INTERFACE ${nh_test_cxx_flags})

set(NH_LAYERING_SOURCE "${PROJECT_SOURCE_DIR}/core/common/layering.cpp")

include(NhPch)

# nh_add_core_library(<name> SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...] [PCH <level>])
# A static library of core/: it compiles layering.cpp, so linking QtGui or QtWidgets into it,
# directly or through a dependency, is a compile error. PCH names the precompiled header set it
# reuses (cmake/NhPch.cmake): core (the default) or network.
function(nh_add_core_library name)
    cmake_parse_arguments(ARG "" "PCH" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES} ${NH_LAYERING_SOURCE})
    target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}/core")
    target_link_libraries(${name} PUBLIC nh_flags ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
    if(NOT ARG_PCH)
        set(ARG_PCH core)
    endif()
    nh_use_pch(${name} ${ARG_PCH})
endfunction()

# The precompiled header level of a test or benchmark: widgets for GUI suites, core for suites
# that link only QtCore libraries, network for the rest.
set(NH_QTCORE_ONLY_LIBS nh_protocol nh_models_exchange nh_i18n Qt6::Core Qt6::Sql)
function(nh_pch_level_for out gui)
    set(level core)
    foreach(lib IN LISTS ARGN)
        if(NOT lib IN_LIST NH_QTCORE_ONLY_LIBS)
            set(level network)
        endif()
    endforeach()
    if(gui)
        set(level widgets)
    endif()
    set(${out} ${level} PARENT_SCOPE)
endfunction()

# nh_add_test(<name> SOURCES ... [LIBS ...] [GUI] [TIMEOUT s] [LABELS ...])
# One small executable per suite. Core suites must not pass GUI (they link core only and run
# under QTEST_GUILESS_MAIN); UI suites pass GUI and run on the offscreen platform.
function(nh_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 60)
    endif()
    if(NH_SANITIZE)
        # ASan/UBSan with exact leak stacks make a suite 2-3 times slower.
        math(EXPR ARG_TIMEOUT "${ARG_TIMEOUT} * 3")
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE nh_flags nh_test_flags Qt6::Test ${ARG_LIBS})
    target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/tests/support")
    nh_pch_level_for(level "${ARG_GUI}" ${ARG_LIBS})
    nh_use_pch(${name} ${level} TEST)
    target_compile_definitions(${name} PRIVATE
        NH_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        NH_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
    add_test(NAME ${name} COMMAND ${name})
    # Each suite has a HOME of its own: QStandardPaths' test mode puts settings and the history
    # file under $HOME/.qttest, and a shared one lets suites (or two checkouts on one machine)
    # read each other's files — a history written by a newer build fails an older suite.
    set(home "${CMAKE_CURRENT_BINARY_DIR}/home/${name}")
    file(MAKE_DIRECTORY "${home}")
    set(env LANG=C.UTF-8 LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen "HOME=${home}"
        ${ARG_ENVIRONMENT})
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "${env}"
        LABELS "${ARG_LABELS}")
endfunction()

# nh_add_keyring_tests(<test target> MODES <mode>...)
# Runs an existing test executable once more per keychain state, each under
# tests/support/with_keyring.sh <mode> (a private session bus and gnome-keyring,
# docs/toolchain.md §5), as ctest entries <target>_<mode>. The executable reads the state from
# NH_KEYRING_MODE.
function(nh_add_keyring_tests target)
    cmake_parse_arguments(ARG "" "" "MODES" ${ARGN})
    get_test_property(${target} ENVIRONMENT env)
    foreach(mode IN LISTS ARG_MODES)
        add_test(NAME ${target}_${mode}
            COMMAND "${PROJECT_SOURCE_DIR}/tests/support/with_keyring.sh" ${mode}
                    $<TARGET_FILE:${target}>)
        set_tests_properties(${target}_${mode} PROPERTIES
            TIMEOUT 60 ENVIRONMENT "${env}" LABELS keychain)
    endforeach()
endfunction()

# nh_add_bench(<name> SOURCES ... [LIBS ...])
# A benchmark under tests/bench. It prints its figures as ratios against a baseline measured in
# the same run (never timed assertions). ctest runs it once at a small scale (NH_BENCH_QUICK=1)
# so that it keeps building and its correctness checks keep running; run it by hand for figures.
function(nh_add_bench name)
    if(NOT NH_BUILD_BENCH)
        return()
    endif()
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE nh_flags nh_test_flags ${ARG_LIBS})
    target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/tests/support")
    nh_pch_level_for(level FALSE ${ARG_LIBS})
    nh_use_pch(${name} ${level} TEST)
    target_compile_definitions(${name} PRIVATE NH_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        TIMEOUT 120
        ENVIRONMENT "LANG=C.UTF-8;LC_ALL=C.UTF-8;NH_BENCH_QUICK=1"
        LABELS bench)
endfunction()
