#pragma once

#include "error.h"

#include <utility>
#include <variant>

namespace ocular {

/// A value or an Error; the return type of every fallible core function (no exceptions).
template <typename T> class Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {}
    Result(Error error)
        : m_state(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    // Reading the wrong side is a programming error: fail loudly with the error's text.
    const T &value() const &
    {
        checkValue();
        return std::get<T>(m_state);
    }
    T &value() &
    {
        checkValue();
        return std::get<T>(m_state);
    }
    T &&value() &&
    {
        checkValue();
        return std::get<T>(std::move(m_state));
    }
    const T *operator->() const { return &value(); }
    const T &operator*() const & { return value(); }

    /// On a successful result: an empty Error (so messages may be built eagerly).
    const Error &error() const
    {
        static const Error none;
        return ok() ? none : std::get<Error>(m_state);
    }

private:
    void checkValue() const
    {
        if (!ok())
            qFatal("Result::value() called on an error: %s",
                   qPrintable(std::get<Error>(m_state).toString()));
    }

    std::variant<T, Error> m_state;
};

/// Success without a value.
struct Done
{};

} // namespace ocular
