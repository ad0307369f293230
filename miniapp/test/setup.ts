import '@testing-library/jest-dom'
import { cleanup } from '@testing-library/react'
import { __mock } from './mocks/taro'
import { resetRecordedVisits } from '../src/lib/entry'
import { resetCatalogCache } from '../src/hooks/useCatalog'

beforeEach(() => {
  __mock.reset()
  resetRecordedVisits()
  resetCatalogCache()
  process.env.TARO_ENV = 'weapp'
})

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
  jest.useRealTimers()
})
