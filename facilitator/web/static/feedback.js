// The survey page: send the answers as JSON, show per-question errors or the outcome.
// Every text from the server is inserted with textContent, never as HTML.
"use strict";
(function () {
  const form = document.getElementById("feedback");
  if (!form) return;
  const send = document.getElementById("send");
  const formError = document.getElementById("form-error");
  const result = document.getElementById("result");

  form.querySelectorAll("textarea[data-max]").forEach(function (area) {
    const counter = area.parentElement.querySelector(".counter");
    const count = counter.querySelector(".count");
    const max = parseInt(area.dataset.max, 10);
    area.addEventListener("input", function () {
      const n = Array.from(area.value.trim()).length;
      count.textContent = String(n);
      counter.classList.toggle("over", n > max);
    });
  });

  function unmark(box) {
    box.classList.remove("invalid");
    const p = box.querySelector(".field-error");
    if (p) {
      p.hidden = true;
      p.textContent = "";
    }
  }

  // Answering a marked question clears its mark.
  form.addEventListener("input", function (ev) {
    const box = ev.target.closest(".question");
    if (box && box.classList.contains("invalid")) unmark(box);
  });

  function answers() {
    const out = {};
    form.querySelectorAll("fieldset.question[data-kind]").forEach(function (box) {
      const key = box.dataset.key;
      const kind = box.dataset.kind;
      if (kind === "rating") {
        const picked = box.querySelector("input:checked");
        if (picked) out[key] = parseInt(picked.value, 10);
      } else if (kind === "single_choice") {
        const picked = box.querySelector("input:checked");
        if (picked) out[key] = picked.value;
      } else if (kind === "multiple_choice") {
        const picked = Array.from(box.querySelectorAll("input:checked")).map(function (i) { return i.value; });
        if (picked.length) out[key] = picked;
      } else {
        const text = box.querySelector("textarea").value;
        if (text.trim()) out[key] = text;
      }
    });
    return out;
  }

  function clearErrors() {
    formError.hidden = true;
    form.querySelectorAll(".question").forEach(unmark);
  }

  // What can be told before sending: a missing staff number, a text over its limit
  // (sent anyway, a long paste would only come back as "request too large").
  function problemsBeforeSending(staff) {
    const problems = [];
    if (staff && !staff.value.trim()) {
      problems.push({ key: "staff_no", message: form.dataset.staffMissing });
    }
    form.querySelectorAll("textarea[data-max]").forEach(function (area) {
      if (Array.from(area.value.trim()).length > parseInt(area.dataset.max, 10)) {
        problems.push({ key: area.name, message: area.dataset.tooLong });
      }
    });
    return problems;
  }

  function showErrors(errors, fallback) {
    let first = null;
    errors.forEach(function (e) {
      const box = form.querySelector('.question[data-key="' + CSS.escape(e.key) + '"]');
      if (!box) return;
      box.classList.add("invalid");
      const p = box.querySelector(".field-error");
      if (p) {
        p.textContent = p.textContent ? p.textContent + " " + e.message : e.message;
        p.hidden = false;
      }
      first = first || box;
    });
    formError.textContent = fallback;
    formError.hidden = false;
    (first || formError).scrollIntoView({ behavior: "smooth", block: "center" });
  }

  form.addEventListener("submit", async function (ev) {
    ev.preventDefault();
    clearErrors();
    const body = { session: form.dataset.session, token: form.dataset.token, answers: answers() };
    const staff = document.getElementById("staff_no");
    if (staff) body.staff_no = staff.value;
    const early = problemsBeforeSending(staff);
    if (early.length) {
      showErrors(early, form.dataset.fix);
      return;
    }
    send.disabled = true;
    send.textContent = form.dataset.sending;
    try {
      const res = await fetch("/api/v1/feedback", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
        credentials: "same-origin",
      });
      const data = await res.json();
      if (!res.ok) {
        formError.textContent = data.message || form.dataset.network;
        formError.hidden = false;
        return;
      }
      if (data.outcome === "invalid_answers") {
        showErrors(data.errors, data.message);
      } else if (data.outcome === "recorded" || data.outcome === "replaced") {
        form.hidden = true;
        result.className = "card ok";
        result.querySelector(".outcome").textContent = data.message;
        result.hidden = false;
        result.scrollIntoView({ block: "center" });
      } else {
        if (data.outcome === "not_checked_in" && staff) {
          showErrors([{ key: "staff_no", message: data.message }], data.message);
        } else {
          formError.textContent = data.message;
          formError.hidden = false;
          formError.scrollIntoView({ block: "center" });
        }
      }
    } catch (err) {
      formError.textContent = form.dataset.network;
      formError.hidden = false;
    } finally {
      send.disabled = false;
      send.textContent = form.dataset.submit;
    }
  });
})();
