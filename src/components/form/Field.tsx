/**
 * Small form rows for the organiser and admin pages (subpackages only; optimizeMainPackage keeps
 * them out of the main package). Native Taro inputs: they behave the same in WeChat and H5.
 */
import type { PropsWithChildren, ReactNode } from 'react'
import { Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import './form.scss'

/**
 * The row's label for screen readers on H5, where the visible label is a separate element: Taro passes
 * `nativeProps` to the inner <input>/<textarea>. WeChat reads the row's text itself; nothing is sent there.
 */
function labelled(label: string): { nativeProps?: Record<string, unknown> } {
  return process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': label } } : {}
}

interface RowProps {
  label: string
  /** The server's message for this field (ApiError.fields). */
  error?: string
  required?: boolean
  name?: string
  hint?: ReactNode
}

export function FieldRow({ label, error, required, name, hint, children }: PropsWithChildren<RowProps>) {
  return (
    <View className={`field${error ? ' field--error' : ''}`} data-field={name}>
      <View className="field__label">
        {label}
        {required ? <Text className="field__required">*</Text> : null}
      </View>
      <View className="field__control">{children}</View>
      {hint ? <View className="field__hint">{hint}</View> : null}
      {error ? <View className="field__error">{error}</View> : null}
    </View>
  )
}

interface TextProps extends RowProps {
  value: string
  onChange(value: string): void
  placeholder?: string
  maxlength?: number
  type?: 'text' | 'number' | 'digit'
}

export function TextField({ value, onChange, placeholder, maxlength = 100, type = 'text', ...row }: TextProps) {
  return (
    <FieldRow {...row}>
      <Input
        className="field__input"
        data-testid={row.name ? `input-${row.name}` : undefined}
        type={type}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
        {...labelled(row.label)}
      />
    </FieldRow>
  )
}

export function TextAreaField({ value, onChange, placeholder, maxlength = 500, ...row }: TextProps) {
  return (
    <FieldRow {...row}>
      <Textarea
        className="field__textarea"
        data-testid={row.name ? `input-${row.name}` : undefined}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        autoHeight
        onInput={(e) => onChange(e.detail.value)}
        {...labelled(row.label)}
      />
    </FieldRow>
  )
}

interface SelectProps extends RowProps {
  options: string[]
  /** Index into options, or -1 for nothing chosen. */
  index: number
  onChange(index: number): void
  placeholder?: string
}

export function SelectField({ options, index, onChange, placeholder = '请选择', ...row }: SelectProps) {
  return (
    <FieldRow {...row}>
      <Picker
        mode="selector"
        data-testid={row.name ? `picker-${row.name}` : undefined}
        range={options}
        value={Math.max(0, index)}
        onChange={(e) => onChange(Number(e.detail.value))}
      >
        <View className={`field__picker${index < 0 ? ' field__picker--empty' : ''}`}>
          {index >= 0 ? options[index] : placeholder}
        </View>
      </Picker>
    </FieldRow>
  )
}

interface SwitchProps extends RowProps {
  checked: boolean
  onChange(checked: boolean): void
}

export function SwitchField({ checked, onChange, ...row }: SwitchProps) {
  return (
    <FieldRow {...row}>
      <Switch
        className="field__switch"
        data-testid={row.name ? `switch-${row.name}` : undefined}
        checked={checked}
        color="#d81e06"
        onChange={(e) => onChange(!!e.detail.value)}
        {...labelled(row.label)}
      />
    </FieldRow>
  )
}

/** The server's message for the whole form, next to the buttons. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null
  return (
    <View className="form-error" data-testid="form-error">
      {message}
    </View>
  )
}

interface SubmitProps {
  /** The server's message for the whole form. */
  error: string | null
  /** A call is running: the button spins and takes no second tap. */
  loading: boolean
  /** Defaults to `loading`; pass more (e.g. an incomplete code) to hold the button back. */
  disabled?: boolean
  onSubmit(): void
  testId?: string
  className?: string
}

/** A form's one primary action under the server's message, as every form page ends. */
export function FormSubmit({
  error,
  loading,
  disabled = loading,
  onSubmit,
  testId,
  className,
  children,
}: PropsWithChildren<SubmitProps>) {
  return (
    <>
      <FormError message={error} />
      <View className={className ? `form-actions ${className}` : 'form-actions'}>
        <Button
          color="primary"
          shape="round"
          data-testid={testId}
          loading={loading}
          disabled={disabled}
          onClick={onSubmit}
        >
          {children}
        </Button>
      </View>
    </>
  )
}

interface DateTimeProps extends RowProps {
  date: string
  time: string
  onChange(date: string, time: string): void
}

/** A date picker and a time picker side by side (Shanghai wall clock; see utils/instant). */
export function DateTimeField({ date, time, onChange, ...row }: DateTimeProps) {
  const id = row.name ?? 'dt'
  return (
    <FieldRow {...row}>
      <View className="field__datetime">
        <Picker
          mode="date"
          data-testid={`picker-${id}-date`}
          value={date}
          onChange={(e) => onChange(String(e.detail.value), time)}
        >
          <View className={`field__picker field__date${date ? '' : ' field__picker--empty'}`}>
            {date || '选择日期'}
          </View>
        </Picker>
        <Picker
          mode="time"
          data-testid={`picker-${id}-time`}
          value={time}
          onChange={(e) => onChange(date, String(e.detail.value))}
        >
          <View className={`field__picker field__time${time ? '' : ' field__picker--empty'}`}>
            {time || '选择时间'}
          </View>
        </Picker>
      </View>
    </FieldRow>
  )
}
