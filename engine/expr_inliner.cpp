#include "engine/expr_inliner.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace koers::engine {

namespace {

bool plain_read(const ExprNode& node)
{
    switch (node.op) {
    case ExprOp::Constant:
    case ExprOp::TokenSlot:
    case ExprOp::SelfSlot:
    case ExprOp::Local:
    case ExprOp::LocalFactSlot:
    case ExprOp::Parameter: return true;
    default: return false;
    }
}

class Inliner {
public:
    Inliner(ExprArena& arena, const std::vector<ExprRef>& bodies)
        : arena_(arena), bodies_(bodies), states_(bodies.size(), State::Unseen), parameters_read_(bodies.size(), 0)
    {
    }

    void run()
    {
        // Only the nodes there now: the copies made while inlining call nothing.
        const auto count = static_cast<ExprRef>(arena_.nodes.size());
        for (ExprRef ref = 0; ref < count; ++ref) {
            if (arena_.nodes[ref].op == ExprOp::Call) inline_call(ref);
        }
    }

private:
    enum class State : char { Unseen, Working, Inlinable, Kept };

    void inline_call(ExprRef call)
    {
        const ExprNode node = arena_.nodes[call];
        // A body that reads a parameter the call does not pass stays a call, as built.
        if (node.a >= bodies_.size() || !inlinable(node.a) || parameters_read_[node.a] > node.operand_count) return;
        std::vector<ExprRef> arguments(node.operand_count);
        for (std::uint32_t i = 0; i < node.operand_count; ++i) {
            arguments[i] = arena_.operand(node, i);
            if (!plain_read(arena_.nodes[arguments[i]])) return;
        }
        std::unordered_map<ExprRef, ExprRef> copies;
        const ExprRef body = substitute(bodies_[node.a], arguments, copies);
        arena_.nodes[call] = arena_.nodes[body];
    }

    bool inlinable(std::uint32_t function)
    {
        if (states_[function] == State::Unseen) {
            states_[function] = State::Working;  // a call back into it while working is recursion
            const ExprRef body = bodies_[function];
            for (const ExprRef call : calls_under(body)) inline_call(call);
            bool calls = false;
            std::size_t size = 0;
            walk(body, [&](ExprRef ref) {
                const ExprNode& node = arena_.nodes[ref];
                calls = calls || node.op == ExprOp::Call;
                ++size;
                if (node.op == ExprOp::Parameter) {
                    parameters_read_[function] = std::max(parameters_read_[function], node.a + 1);
                }
            });
            states_[function] = !calls && size <= max_inlined_nodes ? State::Inlinable : State::Kept;
        }
        return states_[function] == State::Inlinable;
    }

    std::vector<ExprRef> calls_under(ExprRef root) const
    {
        std::vector<ExprRef> calls;
        walk(root, [&](ExprRef ref) {
            if (arena_.nodes[ref].op == ExprOp::Call) calls.push_back(ref);
        });
        return calls;
    }

    // Visits each node under `root` once, shared ones too.
    template <typename Visit>
    void walk(ExprRef root, Visit visit) const
    {
        std::unordered_set<ExprRef> seen;
        std::vector<ExprRef> pending{root};
        while (!pending.empty()) {
            const ExprRef ref = pending.back();
            pending.pop_back();
            if (!seen.insert(ref).second) continue;
            visit(ref);
            const ExprNode& node = arena_.nodes[ref];
            for (std::uint32_t i = 0; i < node.operand_count; ++i) pending.push_back(arena_.operand(node, i));
        }
    }

    // The body under `ref` with parameters replaced by `arguments`; nodes that read no
    // parameter are shared, not copied.
    ExprRef substitute(ExprRef ref, const std::vector<ExprRef>& arguments, std::unordered_map<ExprRef, ExprRef>& copies)
    {
        if (const auto found = copies.find(ref); found != copies.end()) return found->second;
        ExprNode node = arena_.nodes[ref];  // a copy: the arena grows below
        ExprRef result = ref;
        if (node.op == ExprOp::Parameter) {
            result = arguments[node.a];
        } else if (node.operand_count > 0) {
            std::vector<ExprRef> operands(node.operand_count);
            bool changed = false;
            for (std::uint32_t i = 0; i < node.operand_count; ++i) {
                const ExprRef operand = arena_.operand(node, i);
                operands[i] = substitute(operand, arguments, copies);
                changed = changed || operands[i] != operand;
            }
            if (changed) {
                node.first_operand = static_cast<std::uint32_t>(arena_.operands.size());
                arena_.operands.insert(arena_.operands.end(), operands.begin(), operands.end());
                result = static_cast<ExprRef>(arena_.nodes.size());
                arena_.nodes.push_back(node);
            }
        }
        copies.emplace(ref, result);
        return result;
    }

    ExprArena& arena_;
    const std::vector<ExprRef>& bodies_;
    std::vector<State> states_;
    std::vector<std::uint32_t> parameters_read_;  // per function: the highest parameter read, plus one
};

}  // namespace

void inline_calls(ExprArena& arena, const std::vector<ExprRef>& function_bodies)
{
    Inliner(arena, function_bodies).run();
}

}  // namespace koers::engine
