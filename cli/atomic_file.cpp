#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace koers::cli {

namespace {

namespace fs = std::filesystem;

std::string system_error_text() { return std::strerror(errno); }

// Closes a file descriptor on every way out of a scope.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor()
    {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;

    [[nodiscard]] int get() const { return fd_; }
    // Closes now, reporting whether the last buffered writes succeeded.
    bool close()
    {
        const int fd = fd_;
        fd_ = -1;
        return ::close(fd) == 0;
    }

private:
    int fd_;
};

bool write_all(int fd, const std::string& text)
{
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        written += static_cast<std::size_t>(n);
    }
    return true;
}

// The permissions a new file gets: read and write for everyone the umask allows.
mode_t new_file_mode()
{
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

}  // namespace

std::optional<std::string> write_file_atomically(const fs::path& path, const std::string& text)
{
    std::error_code error;
    const bool exists = fs::exists(path, error);
    const fs::path target = exists ? fs::canonical(path, error) : fs::weakly_canonical(path, error);
    if (error) return error.message();
    mode_t mode = 0;
    if (exists) {
        struct stat original {};
        if (::stat(target.c_str(), &original) != 0) return system_error_text();
        if (S_ISDIR(original.st_mode)) return "it is a folder";
        mode = original.st_mode & 07777;
    } else {
        mode = new_file_mode();
    }

    std::string temporary = (target.parent_path() / ("." + target.filename().string() + ".koers-XXXXXX")).string();
    FileDescriptor file(::mkstemp(temporary.data()));
    if (file.get() < 0) return "cannot create a temporary file beside it: " + system_error_text();

    const bool written = write_all(file.get(), text) && ::fchmod(file.get(), mode) == 0 && ::fsync(file.get()) == 0;
    const std::string failure = written ? std::string() : system_error_text();
    if (!file.close() || !written || ::rename(temporary.c_str(), target.c_str()) != 0) {
        const std::string reason = failure.empty() ? system_error_text() : failure;
        ::unlink(temporary.c_str());
        return reason;
    }
    // Make the rename itself durable; the file is already complete either way.
    const FileDescriptor folder(::open(target.parent_path().c_str(), O_RDONLY | O_DIRECTORY));
    if (folder.get() >= 0) ::fsync(folder.get());
    return std::nullopt;
}

}  // namespace koers::cli
