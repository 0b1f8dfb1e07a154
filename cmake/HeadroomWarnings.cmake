# Warnings every Headroom target compiles with. Applied per target (not globally) so that
# third-party headers pulled in as SYSTEM stay quiet.
function(headroom_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                             -Wnon-virtual-dtor -Woverloaded-virtual)
    # GCC 12 at -O3 reports -Wrestrict on libstdc++'s own inlined `"literal" + std::string`
    # (GCC bug 105329, fixed in 13): a false positive that cannot be fixed at the call sites.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
        target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
    if(HEADROOM_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
