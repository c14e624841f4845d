import { ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import { DATE_RULE, isCalendarDate } from '#libs/price-csv';

@ValidatorConstraint({ name: 'isCalendarDate' })
export class IsCalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isCalendarDate(value);
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property}: ${DATE_RULE}`;
  }
}
