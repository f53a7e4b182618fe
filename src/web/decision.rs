//! The decision: the verdict panel (headline, duties, reasons, next steps)
//! and the diagram of the three-step process with the route taken.
//!
//! Renders an [`Assessment`]; it never decides anything itself.

use yew::prelude::*;

use super::widgets::{el, with_attrs};

use crate::forms::wording;
use crate::model::Screening;
use crate::rules::{self, walk, Assessment, Law, Node, Verdict};

/// What the panel shows. A plain function of these, not a component: it is
/// on pages without typing and inside the memoised print view, and each
/// component is its own generic code in the wasm (issue 5).
pub struct DecisionProps<'a> {
    pub assessment: &'a Assessment,
    /// The screening assessed: its ruleset and organisation word the panel
    /// and the diagram.
    pub screening: &'a Screening,
    /// Unique prefix for ids (the panel appears on screen and in the print view).
    pub id: AttrValue,
    /// Heading level of the panel's headline: 2 on screen pages.
    pub level: u8,
    /// Go to a missing question (field id); `None` in the print view.
    pub on_missing: Option<Callback<&'static str>>,
}

fn heading(level: u8, class: &'static str, text: Html) -> Html {
    match level {
        2 => el("h2", class, text),
        3 => el("h3", class, text),
        _ => el("h4", class, text),
    }
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Applies => "app-verdict app-verdict--applies",
        Verdict::DoesNotApply => "app-verdict app-verdict--does-not-apply",
        Verdict::NotRequiredYet => "app-verdict app-verdict--not-yet",
        Verdict::Undetermined => "app-verdict app-verdict--undetermined",
    }
}

/// The verdict panel and the diagram side by side (stacked on small screens).
pub fn decision(p: &DecisionProps) -> Html {
    let a = p.assessment;
    let law = rules::law(p.screening.ruleset);
    let sub = p.level + 1;
    let duties = a.duties.iter().map(|d| {
        html! {
            <li>
                { "Duty of " }{ d.holder.name() }{ " under " }
                <strong>{ d.holder.section() }{ d.holder.limb_label(d.limb) }</strong>
            </li>
        }
    });
    let reasons = a.reasons.iter().map(|r| {
        html! {
            <li class="app-reason">
                <p class="nhsuk-u-margin-bottom-1"><strong>{ &r.question }</strong></p>
                <p class="nhsuk-u-margin-bottom-1">{ "Your answer: " }{ &r.answer }</p>
                <p class="nhsuk-u-margin-bottom-1">{ &r.consequence }</p>
                <p class="nhsuk-body-s app-citation">{ "Source: " }{ r.citation }</p>
            </li>
        }
    });
    let must: Vec<_> = a.actions.iter().filter(|x| x.obligation).collect();
    let should: Vec<_> = a.actions.iter().filter(|x| !x.obligation).collect();
    let action_list = |items: Vec<&crate::rules::Action>| {
        html! {
            <ul class="nhsuk-list nhsuk-list--bullet">
                { for items.into_iter().map(|x| html! {
                    <li>{ &x.text }<span class="nhsuk-body-s app-citation">{ " (" }{ x.citation }{ ")" }</span></li>
                }) }
            </ul>
        }
    };
    let missing = if a.missing.is_empty() {
        Html::default()
    } else {
        let items = a.missing.iter().map(|id| {
            let label = wording::field(p.screening, id)
                .map(|f| f.label)
                .unwrap_or("A screening question");
            match &p.on_missing {
                Some(cb) => {
                    let cb = cb.clone();
                    let id: &'static str = id;
                    let onclick = Callback::from(move |e: MouseEvent| {
                        e.prevent_default();
                        cb.emit(id);
                    });
                    html! { <li><a href="#/screening" {onclick}>{ label }</a></li> }
                }
                None => html! { <li>{ label }</li> },
            }
        });
        html! {
            <>
                { heading(sub, "nhsuk-heading-s", html! { "Answer these questions to get a decision" }) }
                <ul class="nhsuk-list nhsuk-list--bullet">{ for items }</ul>
            </>
        }
    };
    with_attrs(
        html! {
            <section>
                <div class="app-decision">
                    <div class="app-decision__text">
                        <div class="app-verdict__headline">
                            <p class="app-verdict__label">{ "Decision under the " }{ law.short }</p>
                            { match sub - 1 {
                                2 => html! { <h2 class="nhsuk-heading-m" id={format!("{}-headline", p.id)}>{ a.headline() }</h2> },
                                _ => html! { <h3 class="nhsuk-heading-m" id={format!("{}-headline", p.id)}>{ a.headline() }</h3> },
                            } }
                            if !a.duties.is_empty() {
                                <ul class="nhsuk-list nhsuk-list--bullet app-duties">{ for duties }</ul>
                            }
                        </div>
                        { missing }
                        if !must.is_empty() {
                            { heading(sub, "nhsuk-heading-s", html! { "What you must do" }) }
                            { action_list(must) }
                        }
                        if !should.is_empty() {
                            { heading(sub, "nhsuk-heading-s", html! { "What you should consider" }) }
                            { action_list(should) }
                        }
                    </div>
                    <div class="app-decision__diagram">
                        { diagram(&DiagramProps { route: a.route(), id: p.id.clone(), law, screening: p.screening }) }
                    </div>
                </div>
                if !a.reasons.is_empty() {
                    { heading(sub, "nhsuk-heading-s", html! { "How this was decided" }) }
                    <ol class="nhsuk-list nhsuk-list--number app-reasons">{ for reasons }</ol>
                }
                <p class="nhsuk-body-s app-citation app-ruleset">{ "Rules used: " }{ law.title }</p>
            </section>
        },
        &["class", "aria-labelledby"],
        vec![
            Some(verdict_class(a.verdict).into()),
            Some(format!("{}-headline", p.id).into()),
        ],
    )
}

pub struct DiagramProps<'a> {
    pub route: Vec<Node>,
    pub id: AttrValue,
    /// The ruleset: its Step 1 question, and whether it has the trust
    /// special administrator exception (and so the "Not required yet" box).
    pub law: &'static Law,
    pub screening: &'a Screening,
}

/// A box of the diagram: node, position, lines of text.
struct DiagramBox {
    node: Node,
    x: i32,
    y: i32,
    w: i32,
    lines: &'static [&'static str],
}

/// Box height: a title, two lines and room for "Your route".
const H: i32 = 110;

const BOXES: [DiagramBox; 7] = [
    DiagramBox {
        node: Node::Step1,
        x: 50,
        y: 10,
        w: 320,
        lines: &[
            "Step 1",
            "Does the activity relate to",
            "commissioning responsibilities?",
        ],
    },
    DiagramBox {
        node: Node::Step2,
        x: 50,
        y: 170,
        w: 320,
        lines: &[
            "Step 2",
            "What type of activity is it?",
            "Planning, proposals or operational",
        ],
    },
    DiagramBox {
        node: Node::Step3,
        x: 50,
        y: 330,
        w: 320,
        lines: &[
            "Step 3",
            "Impact on service delivery",
            "or the range of services?",
        ],
    },
    DiagramBox {
        node: Node::OutcomeApplies,
        x: 50,
        y: 490,
        w: 320,
        lines: &[
            "The duty applies",
            "Review existing arrangements,",
            "plan and take action",
        ],
    },
    DiagramBox {
        node: Node::OutcomeUndetermined,
        x: 410,
        y: 170,
        w: 225,
        lines: &[
            "Cannot decide yet",
            "Answer the missing",
            "screening questions",
        ],
    },
    DiagramBox {
        node: Node::OutcomeDoesNotApply,
        x: 410,
        y: 330,
        w: 280,
        lines: &[
            "The duty does not apply",
            "Consider whether involvement",
            "would still be beneficial",
        ],
    },
    DiagramBox {
        node: Node::OutcomeNotYet,
        x: 410,
        y: 490,
        w: 280,
        lines: &[
            "Not required yet",
            "Trust special administrator",
            "matter: s.14Z2(7), s.13Q(4)",
        ],
    },
];

/// Edges between main nodes: (from, to, path, label, label x, label y).
const EDGES: [(Node, Node, &str, &str, i32, i32); 6] = [
    (Node::Step1, Node::Step2, "M210 120 V168", "Yes", 218, 150),
    (
        Node::Step1,
        Node::OutcomeDoesNotApply,
        "M370 65 H655 V328",
        "No",
        500,
        57,
    ),
    (
        Node::Step2,
        Node::Step3,
        "M210 280 V328",
        "Proposals or operational",
        218,
        310,
    ),
    (
        Node::Step2,
        Node::OutcomeApplies,
        "M50 225 H22 V545 H48",
        "",
        0,
        0,
    ),
    (
        Node::Step3,
        Node::OutcomeApplies,
        "M210 440 V488",
        "Yes",
        218,
        470,
    ),
    (
        Node::Step3,
        Node::OutcomeDoesNotApply,
        "M370 385 H408",
        "No",
        378,
        377,
    ),
];

fn is_main(n: Node) -> bool {
    matches!(
        n,
        Node::Step1
            | Node::Step2
            | Node::Step3
            | Node::OutcomeApplies
            | Node::OutcomeDoesNotApply
            | Node::OutcomeNotYet
            | Node::OutcomeUndetermined
    )
}

/// A question in two lines, broken at the space nearest the middle.
fn two_lines(q: &'static str) -> (&'static str, &'static str) {
    let mid = q.len() / 2;
    match q
        .match_indices(' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(mid))
    {
        Some(i) => (&q[..i], &q[i + 1..]),
        None => (q, ""),
    }
}

fn node_name(n: Node) -> &'static str {
    BOXES
        .iter()
        .find(|b| b.node == n)
        .map(|b| b.lines[0])
        .unwrap_or("")
}

/// The three-step process (Action 5 of the guidance) as an SVG, the route
/// taken drawn with thick lines and labelled "Your route" so that it does
/// not rely on colour (and prints in black and white).
pub fn diagram(p: &DiagramProps) -> Html {
    let main: Vec<Node> = p.route.iter().copied().filter(|n| is_main(*n)).collect();
    let taken = |a: Node, b: Node| main.windows(2).any(|w| w[0] == a && w[1] == b);
    let on_route = |n: Node| main.contains(&n);
    let title_id = format!("{}-diagram-title", p.id);
    let desc_id = format!("{}-diagram-desc", p.id);
    let mut desc = String::from("The three-step process: Step 1, then Step 2; planning goes directly to the duty applying, proposals and operational decisions go to Step 3. ");
    if main.is_empty() {
        desc.push_str("No route yet: answer the screening questions.");
    } else {
        desc.push_str("Your route: ");
        for (i, n) in main.iter().enumerate() {
            if i > 0 {
                desc.push_str(", then ");
            }
            desc.push_str(node_name(*n));
        }
        desc.push('.');
    }
    let edges = EDGES.iter().map(|(a, b, d, label, lx, ly)| {
        let t = taken(*a, *b);
        el("g", if t { "app-diagram__edge app-diagram__edge--taken" } else { "app-diagram__edge" }, html! {
            <>
                <path d={*d} fill="none" stroke-width={if t { "5" } else { "1.5" }} stroke-dasharray={if t { None } else { Some("5 4") }} marker-end={format!("url(#{}-arrow)", p.id)} />
                if !label.is_empty() {
                    <text x={lx.to_string()} y={ly.to_string()} class="app-diagram__label">{ *label }</text>
                }
            </>
        })
    });
    // Step 1 asks the ruleset's question for this organisation (a trust is
    // asked about the services it is responsible for); the "Not required
    // yet" box is there only where the ruleset has the trust special
    // administrator exception.
    let (q1, q2) = two_lines(walk::texts(p.law, p.screening).step1_q);
    let step1 = ["Step 1", q1, q2];
    let texts = walk::texts(p.law, p.screening);
    let tsa = [
        "Not required yet",
        "Trust special administrator",
        texts.tsa_box,
    ];
    // The exception is a commissioner's (s.14Z45(7), s.13Q(4)), never a trust's.
    let has_tsa = p.law.special_administrator && !walk::is_provider(p.law, p.screening);
    let shown = || {
        BOXES
            .iter()
            .filter(move |b| b.node != Node::OutcomeNotYet || has_tsa)
    };
    let lines_of = |b: &DiagramBox| -> Vec<&'static str> {
        match b.node {
            Node::Step1 => step1.to_vec(),
            Node::OutcomeNotYet => tsa.to_vec(),
            _ => b.lines.to_vec(),
        }
    };
    // On a small screen the diagram's words would be too small to read: the
    // same boxes as a list in words, the route taken marked (www/app.css).
    let steps = shown().map(|b| {
        let lines = lines_of(b);
        let r = on_route(b.node);
        html! {
            <li class={if r { "app-diagram__step app-diagram__step--route" } else { "app-diagram__step" }}>
                <strong>{ lines[0] }</strong>{ ": " }{ lines[1..].join(" ") }
                if r {
                    <strong class="app-diagram__step-route">{ " \u{2714} Your route" }</strong>
                }
            </li>
        }
    });
    let boxes = shown().map(|b| {
        let lines = lines_of(b);
        let r = on_route(b.node);
        let cls = if r { "app-diagram__node app-diagram__node--route" } else { "app-diagram__node" };
        el("g", cls, html! {
            <>
                <rect x={b.x.to_string()} y={b.y.to_string()} width={b.w.to_string()} height={H.to_string()} rx="4" stroke-width={if r { "5" } else { "1.5" }} />
                { for lines.iter().enumerate().map(|(i, line)| {
                    let class = if i == 0 { "app-diagram__title" } else { "app-diagram__text" };
                    let x = (b.x + 12).to_string();
                    let y = (b.y + 27 + 24 * i as i32).to_string();
                    // A line longer than the box (about 9 units a character
                    // at this size) is drawn narrower to fit.
                    let room = b.w - 24;
                    let squeeze = (i > 0 && line.len() as i32 * 9 > room).then(|| AttrValue::from(room.to_string()));
                    let adjust = squeeze.as_ref().map(|_| AttrValue::from("spacingAndGlyphs"));
                    with_attrs(html! { <text>{ *line }</text> }, &["x", "y", "class", "textLength", "lengthAdjust"], vec![Some(x.into()), Some(y.into()), Some(class.into()), squeeze, adjust])
                }) }
                if r {
                    <text x={(b.x + 12).to_string()} y={(b.y + 98).to_string()} class="app-diagram__route">{ "\u{2714} Your route" }</text>
                }
            </>
        })
    });
    html! {
        <figure class="app-diagram">
            <svg viewBox="0 0 700 610" role="img" aria-labelledby={format!("{title_id} {desc_id}")} focusable="false" xmlns="http://www.w3.org/2000/svg">
                <title id={title_id.clone()}>{ "Diagram of the three-step process" }</title>
                <desc id={desc_id.clone()}>{ desc }</desc>
                <defs>
                    <marker id={format!("{}-arrow", p.id)} viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse">
                        <path d="M0 0 L10 5 L0 10 z" class="app-diagram__arrow" />
                    </marker>
                </defs>
                { for edges }
                <text x="16" y="385" class="app-diagram__label" text-anchor="middle" transform="rotate(-90 16 385)">{ "Planning" }</text>
                { for boxes }
            </svg>
            <ol class="nhsuk-list app-diagram__steps">{ for steps }</ol>
            <figcaption class="nhsuk-body-s">{ "Thick lines and boxes marked \u{201c}Your route\u{201d} show the route your answers took. The same reasoning is listed in words under \u{201c}How this was decided\u{201d}." }</figcaption>
        </figure>
    }
}
