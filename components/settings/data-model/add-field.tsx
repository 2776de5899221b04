"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { CUSTOM_FIELD_TYPES, fieldKeyFromLabel, type CustomFieldType } from "@/lib/metadata/fields";
import { addCustomFieldAction } from "@/app/settings/data-model/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { FormErrors, FormFooter, SelectField, TextAreaField, TextField } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { useFormErrors } from "@/components/settings/form-errors";

/** "+ Add field" on one object: name, key (derived from the name unless typed), type, options. */
export function AddField({ objectId, objectLabel }: { objectId: string; objectLabel: string }) {
  const t = useTranslations("settings.dataModel");
  const tt = useTranslations("dataTypes");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState("");
  const [key, setKey] = useState("");
  const [type, setType] = useState<CustomFieldType>("TEXT");
  const [options, setOptions] = useState("");
  const { errors, setErrors, pending, run } = useAction(addCustomFieldAction, {
    failureToast: t("createFailed"),
    onSuccess: (field) => {
      toast.success(t("created", { label: field.label, object: field.objectLabel }));
      setOpen(false);
      reset();
      router.refresh();
    },
  });
  const { forField, general } = useFormErrors(errors, {
    label: t("labelInvalid"),
    name: t("keyInvalid"),
    type: t("typeInvalid"),
    options: t("optionsInvalid"),
  });
  const derivedKey = fieldKeyFromLabel(label);
  const idPrefix = `add-field-${objectId}`;

  const reset = () => {
    setLabel("");
    setKey("");
    setType("TEXT");
    setOptions("");
    setErrors([]);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const optionList = type === "SELECT" ? options.split("\n").map((line) => line.trim()).filter(Boolean) : [];
    run({ objectId, label, name: key, type, options: optionList });
  };

  return (
    <>
      <Button aria-label={t("addFieldTo", { object: objectLabel })} onClick={() => { reset(); setOpen(true); }}>
        {t("addField")}
      </Button>
      <Modal open={open} onOpenChange={setOpen} title={t("addTitle", { object: objectLabel })} description={t("addHelp")}>
        <form onSubmit={submit} noValidate className="space-y-4">
          <FormErrors messages={general} />
          <TextField id={`${idPrefix}-label`} label={t("labelLabel")} value={label} maxLength={200} autoComplete="off" error={forField("label")} onChange={(event) => setLabel(event.target.value)} />
          <TextField
            id={`${idPrefix}-key`}
            label={t("keyLabel")}
            help={t("keyHelp")}
            value={key}
            placeholder={derivedKey}
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            className="mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 font-mono text-sm aria-invalid:border-red-500"
            error={forField("name")}
            onChange={(event) => setKey(event.target.value)}
          />
          <SelectField id={`${idPrefix}-type`} label={t("typeLabel")} value={type} error={forField("type")} onChange={(event) => setType(event.target.value as CustomFieldType)}>
            {CUSTOM_FIELD_TYPES.map((option) => (
              <option key={option} value={option}>{tt(option)}</option>
            ))}
          </SelectField>
          {type === "SELECT" ? (
            <TextAreaField
              id={`${idPrefix}-options`}
              label={t("optionsLabel")}
              help={t("optionsHelp")}
              rows={4}
              value={options}
              error={forField("options")}
              onChange={(event) => setOptions(event.target.value)}
            />
          ) : null}
          <FormFooter onCancel={() => setOpen(false)} submitLabel={t("create")} pending={pending} />
        </form>
      </Modal>
    </>
  );
}
