import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Checkbox } from "./checkbox";

const html = (el: React.ReactElement) => renderToStaticMarkup(el);

describe("the GOV.UK single checkbox", () => {
  it("a tick-box on its own: label for the input, small style, value yes, name from the id", () => {
    expect(
      html(
        <Checkbox id="acknowledge" small label="I have read the 2 warnings" />,
      ),
    ).toBe(
      '<div class="govuk-form-group"><div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes"><div class="govuk-checkboxes__item">' +
        '<input class="govuk-checkboxes__input" id="acknowledge" type="checkbox" name="acknowledge" value="yes"/>' +
        '<label class="govuk-label govuk-checkboxes__label" for="acknowledge">I have read the 2 warnings</label></div></div></div>',
    );
  });

  it("without a legend, the hint and error describe the input", () => {
    const out = html(
      <Checkbox
        id="confirm"
        hint="You cannot undo this"
        error="Tick the box to confirm"
        label="Cancel the subscription"
      />,
    );
    expect(out).toContain(
      '<div class="govuk-form-group govuk-form-group--error">',
    );
    expect(out).toContain(
      '<div class="govuk-hint" id="confirm-hint">You cannot undo this</div>',
    );
    expect(out).toContain(
      '<p class="govuk-error-message" id="confirm-error"><span class="govuk-visually-hidden">Error:</span> Tick the box to confirm</p>',
    );
    expect(out).toContain('aria-describedby="confirm-hint confirm-error"');
    expect(out).not.toContain("govuk-checkboxes--small");
  });

  it("with a legend, the question is a heading in the fieldset, which the error describes (as GOV.UK Frontend does)", () => {
    const out = html(
      <Checkbox
        id="acknowledge"
        legend="Warnings"
        error="Tick the box"
        label="I have read the warning"
      />,
    );
    expect(out).toMatch(
      /^<div class="govuk-form-group govuk-form-group--error"><fieldset class="govuk-fieldset" aria-describedby="acknowledge-error"><legend class="govuk-fieldset__legend govuk-fieldset__legend--m"><h2 class="govuk-fieldset__heading">Warnings<\/h2><\/legend>/,
    );
    expect(out.match(/aria-describedby/g)).toHaveLength(1);
    expect(
      html(
        <Checkbox
          id="acknowledge"
          legend="Warnings"
          label="I have read the warning"
        />,
      ),
    ).not.toContain("aria-describedby");
  });
});
