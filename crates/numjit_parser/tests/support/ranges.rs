//! Checks that every node's range lies inside its parent's, and the module's inside the source.

use numjit_ast::visitor::{self, Visitor};
use numjit_ast::*;

/// Describes each node whose range is not inside its parent's range (or the source).
pub fn node_range_violations(source: &str, module: &ModModule) -> Vec<String> {
    let source_range = TextRange::up_to(TextSize::try_from(source.len()).expect("source under 4 GiB"));
    let mut checker = RangeChecker { source, stack: vec![("source", source_range)], violations: Vec::new() };
    checker.enter("module", module.range);
    checker.visit_body(&module.body);
    checker.violations
}

struct RangeChecker<'s> {
    source: &'s str,
    stack: Vec<(&'static str, TextRange)>,
    violations: Vec<String>,
}

impl RangeChecker<'_> {
    fn enter(&mut self, kind: &'static str, range: TextRange) {
        let &(parent_kind, parent) = self.stack.last().expect("the source range is always there");
        if !parent.contains_range(range) && self.violations.len() < 20 {
            self.violations.push(format!(
                "{kind} at {range:?} ({:?}) is not inside its parent {parent_kind} at {parent:?} ({:?})",
                self.snippet(range),
                self.snippet(parent)
            ));
        }
        self.stack.push((kind, range));
    }

    fn leave(&mut self) {
        self.stack.pop();
    }

    fn snippet(&self, range: TextRange) -> String {
        let start = usize::from(range.start()).min(self.source.len());
        let end = usize::from(range.end()).clamp(start, self.source.len());
        match self.source.get(start..end) {
            Some(text) if text.chars().count() > 60 => {
                format!("{}…", text.chars().take(60).collect::<String>())
            }
            Some(text) => text.to_owned(),
            None => "<not on a character boundary>".to_owned(),
        }
    }
}

impl<'a> Visitor<'a> for RangeChecker<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.enter("statement", stmt.range());
        visitor::walk_stmt(self, stmt);
        self.leave();
    }
    fn visit_expr(&mut self, expr: &'a Expr) {
        self.enter("expression", expr.range());
        visitor::walk_expr(self, expr);
        self.leave();
    }
    fn visit_pattern(&mut self, pattern: &'a Pattern) {
        self.enter("pattern", pattern.range());
        visitor::walk_pattern(self, pattern);
        self.leave();
    }
    fn visit_arguments(&mut self, arguments: &'a Arguments) {
        self.enter("parameter list", arguments.range);
        visitor::walk_arguments(self, arguments);
        self.leave();
    }
    fn visit_arg_with_default(&mut self, arg: &'a ArgWithDefault) {
        self.enter("parameter with default", arg.range);
        visitor::walk_arg_with_default(self, arg);
        self.leave();
    }
    fn visit_arg(&mut self, arg: &'a Arg) {
        self.enter("parameter", arg.range);
        visitor::walk_arg(self, arg);
        self.leave();
    }
    fn visit_keyword(&mut self, keyword: &'a Keyword) {
        self.enter("keyword argument", keyword.range);
        visitor::walk_keyword(self, keyword);
        self.leave();
    }
    fn visit_alias(&mut self, alias: &'a Alias) {
        self.enter("import alias", alias.range);
        visitor::walk_alias(self, alias);
        self.leave();
    }
    fn visit_comprehension(&mut self, comprehension: &'a Comprehension) {
        self.enter("comprehension clause", comprehension.range);
        visitor::walk_comprehension(self, comprehension);
        self.leave();
    }
    fn visit_except_handler(&mut self, handler: &'a ExceptHandler) {
        self.enter("except clause", handler.range);
        visitor::walk_except_handler(self, handler);
        self.leave();
    }
    fn visit_with_item(&mut self, item: &'a WithItem) {
        self.enter("with item", item.range);
        visitor::walk_with_item(self, item);
        self.leave();
    }
    fn visit_match_case(&mut self, case: &'a MatchCase) {
        self.enter("case block", case.range);
        visitor::walk_match_case(self, case);
        self.leave();
    }
    fn visit_identifier(&mut self, identifier: &'a Identifier) {
        self.enter("identifier", identifier.range);
        self.leave();
    }
}
