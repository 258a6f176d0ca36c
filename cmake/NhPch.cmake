# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Precompiled headers (issue #14: a cold CI run under 35 minutes). Parsing the Qt headers is
# most of the time of a small translation unit, so three anchor targets precompile the header
# sets of cmake/pch/ (core, network, widgets) once per build, and every target reuses the set
# of its Qt level. Reuse needs the same compiler flags, which nh_flags gives every target; the
# sets hold no header that tests a QT_<MODULE>_LIB macro, so targets linking more Qt modules
# than their anchor still match. With ccache, set sloppiness=pch_defines,time_macros
# (tools/dev does), or warm runs miss the cache. Clang (the fuzz build) insists on identical
# macro definitions, so the fuzz build turns this off.

option(NH_PCH "Precompile the standard and Qt headers (cmake/pch)" ON)

# Two anchors per level: one with the flags of the libraries and programs, one with those of the
# tests (nh_test_flags), since a precompiled header only serves the optimisation level it was
# made with.
set(nh_pch_qt_core Qt6::Core)
set(nh_pch_qt_network Qt6::Network)
set(nh_pch_qt_widgets Qt6::Network Qt6::Widgets)
if(NH_PCH)
    foreach(level core network widgets)
        foreach(kind "" _test)
            set(anchor nh_pch_${level}${kind})
            add_library(${anchor} OBJECT "${PROJECT_SOURCE_DIR}/cmake/pch/anchor.cpp")
            set_target_properties(${anchor} PROPERTIES AUTOMOC OFF)
            target_precompile_headers(${anchor} PRIVATE
                "${PROJECT_SOURCE_DIR}/cmake/pch/${level}.h")
            target_link_libraries(${anchor} PRIVATE nh_flags ${nh_pch_qt_${level}})
        endforeach()
        target_link_libraries(nh_pch_${level}_test PRIVATE nh_test_flags)
    endforeach()
endif()

# nh_use_pch(<target> core|network|widgets [TEST]): <target> reuses the precompiled set of that
# level (TEST: the one made with the tests' flags); it must link at least the level's Qt modules.
function(nh_use_pch target level)
    cmake_parse_arguments(ARG "TEST" "" "" ${ARGN})
    if(NH_PCH)
        if(ARG_TEST)
            target_precompile_headers(${target} REUSE_FROM nh_pch_${level}_test)
        else()
            target_precompile_headers(${target} REUSE_FROM nh_pch_${level})
        endif()
    endif()
endfunction()
