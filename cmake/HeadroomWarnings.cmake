# Warnings every Headroom target compiles with. Applied per target (not globally) so that
# third-party headers pulled in as SYSTEM stay quiet.
function(headroom_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                             -Wnon-virtual-dtor -Woverloaded-virtual)
    if(HEADROOM_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
