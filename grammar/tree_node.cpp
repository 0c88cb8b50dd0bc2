#include <vector>

#include "grammar/tree_to_ast.hpp"

namespace koers {
namespace {

// Nodes freed by one parse are reused by the next; the pool never holds more nodes
// than the largest single declaration needed at once, and frees them with its thread.
struct NodePool {
    std::vector<void*> free_nodes;
    NodePool() = default;
    NodePool(const NodePool&) = delete;
    NodePool& operator=(const NodePool&) = delete;
    ~NodePool()
    {
        for (void* node : free_nodes) ::operator delete(node);
    }
};
thread_local NodePool pool;

}  // namespace

void* TreeNode::operator new(std::size_t size)
{
    if (size == sizeof(TreeNode) && !pool.free_nodes.empty()) {
        void* node = pool.free_nodes.back();
        pool.free_nodes.pop_back();
        return node;
    }
    return ::operator new(size);
}

void TreeNode::operator delete(void* node, std::size_t size) noexcept
{
    if (size == sizeof(TreeNode)) {
        try {
            pool.free_nodes.push_back(node);
            return;
        }
        catch (...) {
            // No room to keep the node for reuse: give it back to the heap.
        }
    }
    ::operator delete(node);
}

}  // namespace koers
